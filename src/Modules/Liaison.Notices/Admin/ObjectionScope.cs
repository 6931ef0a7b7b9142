using System.Security.Claims;
using System.Text.Json.Nodes;
using Liaison.Notices.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Notices.Admin;

/// <summary>
/// The objections a user may handle. With Notices.HandleAllObjections: all. Otherwise only objections to notices
/// of a PartyBranch whose Secretary field holds the user's name; committee-wide notices (no branch) are left to
/// the committee. The scope is part of the query, so a list, a count and a single look-up agree.
/// </summary>
public sealed class ObjectionScope(LiaisonDbContext db, IPermissionService permissions)
{
    public async Task<IQueryable<Objection>> QueryAsync(ClaimsPrincipal user)
    {
        var objections = db.Set<Objection>().AsQueryable();
        if (await permissions.HasPermissionAsync(user, Permissions.HandleAllObjections.Name))
        {
            return objections;
        }

        var branches = await BranchesOfSecretaryAsync(user.Identity?.Name);
        var notices = db.Set<NoticeIndex>()
            .Where(n => (n.Published || n.Latest) && n.BranchContentItemId != null && branches.Contains(n.BranchContentItemId))
            .Select(n => n.ContentItemId);
        return objections.Where(o => notices.Contains(o.NoticeContentItemId));
    }

    private async Task<List<string>> BranchesOfSecretaryAsync(string? userName)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return [];
        }

        // Branches are few; their Secretary user picker lives in JSON, so it is read here rather than queried.
        var branches = await db.ContentItems.AsNoTracking()
            .Where(c => c.ContentType == "PartyBranch" && c.Published)
            .ToListAsync();
        return [.. branches
            .Where(b => (b.Content["PartyBranch"]?["Secretary"]?["UserIds"] as JsonArray ?? [])
                .Any(u => u?.GetValueKind() == System.Text.Json.JsonValueKind.String
                    && string.Equals(u.GetValue<string>(), userName, StringComparison.OrdinalIgnoreCase)))
            .Select(b => b.ContentItemId)];
    }
}
