using System.Security.Claims;
using Liaison.Organization.Contracts;
using Liaison.Reports.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Admin;

public sealed record BranchChoice(string Id, string Name);

public sealed record MemberReportRow(
    int MemberId, string MemberNumber, string MemberName, string BranchId, string BranchName, string? ContentItemId,
    DateTime? FirstSubmittedUtc, ReportStatus Status);

/// <summary>
/// Per quarter, every member the user manages with their report's state (not reported, draft, submitted, returned,
/// approved): the committee all branches, a secretary their own. Members come from the roster's managed set.
/// </summary>
internal sealed class BranchReports(IRosterQueries roster, LiaisonDbContext db, ReportStates states)
{
    public async Task<IReadOnlyList<BranchChoice>> BranchesAsync(ClaimsPrincipal user)
    {
        var scope = await roster.ScopeAsync(user);
        var branches = await roster.Organizations().Where(o => o.IsBranch).OrderBy(o => o.Name).Select(o => new BranchChoice(o.Id, o.Name)).ToListAsync();
        return scope.AllBranches ? branches : [.. branches.Where(b => scope.BranchIds.Contains(b.Id))];
    }

    public async Task<IReadOnlyList<MemberReportRow>> RowsAsync(ClaimsPrincipal user, string quarter, string? branchId, ReportState? state, CancellationToken cancellationToken)
    {
        var scope = await roster.ScopeAsync(user);
        var members = roster.ManagedMembers(scope).Where(m => m.Active);
        if (!string.IsNullOrEmpty(branchId))
        {
            members = members.Where(m => m.BranchId == branchId);
        }

        var rows = await (from m in members
                          join r in db.Set<QuarterlyReportIndex>().Where(r => r.Latest && r.Quarter == quarter) on m.Id equals r.MemberId into reports
                          from r in reports.DefaultIfEmpty()
                          orderby m.BranchId, m.Number
                          select new { m.Id, m.Number, m.Name, m.BranchId, ContentItemId = r == null ? null : r.ContentItemId, FirstSubmittedUtc = r == null ? null : r.FirstSubmittedUtc, Published = r != null && r.Published, HandIns = r == null ? 0 : r.HandIns })
            .ToListAsync(cancellationToken);
        // Names of every organization a member may belong to (the committee's own members too, not only branches').
        var names = await roster.Organizations().ToDictionaryAsync(o => o.Id, o => o.Name);
        var status = await states.OfAsync([.. rows.Where(r => r.ContentItemId != null).Select(r => new ReportKey(r.ContentItemId!, r.Published, r.HandIns))], cancellationToken);
        var result = rows.Select(r => new MemberReportRow(r.Id, r.Number, r.Name, r.BranchId, names.GetValueOrDefault(r.BranchId, r.BranchId),
            r.ContentItemId, r.FirstSubmittedUtc, r.ContentItemId is null ? new ReportStatus(ReportState.NotReported, null, null) : status[r.ContentItemId]));
        return [.. result.Where(r => state is null || r.Status.State == state)];
    }
}
