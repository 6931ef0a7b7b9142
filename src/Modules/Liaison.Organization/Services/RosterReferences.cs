using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Services;

/// <summary>
/// Whether a roster record is referenced somewhere (contact points, visits, contacts, pairs …), in which case it is
/// deactivated instead of deleted. Modules that reference members or persons register one of these.
/// </summary>
public interface IRosterReferences
{
    Task<bool> IsMemberReferencedAsync(int memberId);

    Task<bool> IsPersonReferencedAsync(int personId);
}

/// <summary>The organization's own references: cadre contact points and visits, and the access log.</summary>
internal sealed class OrganizationReferences(LiaisonDbContext db) : IRosterReferences
{
    public async Task<bool> IsMemberReferencedAsync(int memberId)
        => await db.Set<ContactPoint>().AnyAsync(p => p.MemberId == memberId)
            || await db.Set<CadreVisit>().AnyAsync(v => v.MemberId == memberId);

    public Task<bool> IsPersonReferencedAsync(int personId)
        => db.Set<PersonalDataAccess>().AnyAsync(a => a.PersonId == personId);
}
