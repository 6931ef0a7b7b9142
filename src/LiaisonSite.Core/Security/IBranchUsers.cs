namespace LiaisonSite.Core.Security;

/// <summary>
/// The accounts of a Party branch (PartyBranch content item id): the user names linked to its active members.
/// Implemented by the organization module; here so that the kernel's notifier can reach "the secretary of branch X".
/// </summary>
public interface IBranchUsers
{
    Task<IReadOnlyList<string>> UserNamesAsync(string branchId, CancellationToken cancellationToken = default);
}

/// <summary>No organization module: no branch has accounts.</summary>
internal sealed class NoBranchUsers : IBranchUsers
{
    public Task<IReadOnlyList<string>> UserNamesAsync(string branchId, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<string>>([]);
}
