using System.Security.Claims;
using Liaison.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Pairing.Admin;

/// <summary>
/// The branches a user may pair: the committee picks any 党支部, a secretary has their own. A branch outside this
/// list is answered with 404, as if it did not exist.
/// </summary>
public sealed class PairingBranches(IRosterQueries roster)
{
    public async Task<IReadOnlyList<BranchChoice>> ChoicesAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        var branches = roster.Organizations().Where(o => o.IsBranch);
        if (!scope.AllBranches)
        {
            var ids = scope.BranchIds.ToList();
            branches = branches.Where(o => ids.Contains(o.Id));
        }

        var rows = await branches.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new BranchChoice(o.Id, o.Name)).ToListAsync();
        return [.. rows.DistinctBy(b => b.Id)];
    }

    /// <summary>The requested branch if the user may pair it, the first one when none is asked for, else null.</summary>
    public static BranchChoice? Pick(IReadOnlyList<BranchChoice> choices, string? branch)
        => string.IsNullOrEmpty(branch) ? choices.FirstOrDefault() : choices.FirstOrDefault(c => c.Id == branch);
}
