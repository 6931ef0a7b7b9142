using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Services;

/// <summary>The accounts of a branch: user names linked to its active member records (the kernel's notifier asks).</summary>
internal sealed class BranchUsers(LiaisonDbContext db) : IBranchUsers
{
    public async Task<IReadOnlyList<string>> UserNamesAsync(string branchId, CancellationToken cancellationToken = default)
        => await db.Set<PartyMember>().AsNoTracking()
            .Where(m => m.BranchId == branchId && m.Active && m.UserName != null)
            .Select(m => m.UserName!)
            .ToListAsync(cancellationToken);
}
