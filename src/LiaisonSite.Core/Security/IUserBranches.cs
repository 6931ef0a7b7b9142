using System.Security.Claims;

namespace LiaisonSite.Core.Security;

/// <summary>
/// The Party branches (PartyBranch content item ids) a user manages as their branch's secretary. Implemented by
/// the organization module; here so that modules such as Notices can scope by branch without depending on it.
/// </summary>
public interface IUserBranches
{
    /// <summary>The branches the user manages as a branch (empty for everyone else; committee-wide rights are separate).</summary>
    Task<IReadOnlyList<string>> ManagedBranchIdsAsync(ClaimsPrincipal user);
}
