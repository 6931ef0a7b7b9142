namespace Liaison.Organization.Contracts;

/// <summary>
/// Whether a roster record is referenced somewhere (contact points, visits, contacts, pairs …), in which case it is
/// deactivated instead of deleted. Modules that reference members or persons register one of these.
/// </summary>
public interface IRosterReferences
{
    Task<bool> IsMemberReferencedAsync(int memberId);

    Task<bool> IsPersonReferencedAsync(int personId);
}
