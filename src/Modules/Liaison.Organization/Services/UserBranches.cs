using System.Security.Claims;
using LiaisonSite.Core.Security;

namespace Liaison.Organization.Services;

/// <summary>A secretary's branch, from the organization scope (their PartyMember row's branch with Organization.ManageBranch).</summary>
internal sealed class UserBranches(OrganizationScope scope) : IUserBranches
{
    public async Task<IReadOnlyList<string>> ManagedBranchIdsAsync(ClaimsPrincipal user)
        => (await scope.GetAsync(user)).BranchIds;
}
