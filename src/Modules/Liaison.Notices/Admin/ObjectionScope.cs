using System.Security.Claims;
using Liaison.Notices.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Notices.Admin;

/// <summary>
/// The objections a user may handle. With Notices.HandleAllObjections: all. Otherwise only objections to notices
/// of the branches the user manages as secretary (<see cref="IUserBranches"/>, from the organization roster);
/// committee-wide notices (no branch) are left to the committee. The scope is part of the query, so a list, a
/// count and a single look-up agree.
/// </summary>
public sealed class ObjectionScope(LiaisonDbContext db, IPermissionService permissions, IUserBranches? branchesOfUser = null)
{
    public async Task<IQueryable<Objection>> QueryAsync(ClaimsPrincipal user)
    {
        var objections = db.Set<Objection>().AsQueryable();
        if (await permissions.HasPermissionAsync(user, Permissions.HandleAllObjections.Name))
        {
            return objections;
        }

        var branches = branchesOfUser is null ? [] : (await branchesOfUser.ManagedBranchIdsAsync(user)).ToList();
        var notices = db.Set<NoticeIndex>()
            .Where(n => (n.Published || n.Latest) && n.BranchContentItemId != null && branches.Contains(n.BranchContentItemId))
            .Select(n => n.ContentItemId);
        return objections.Where(o => notices.Contains(o.NoticeContentItemId));
    }
}
