using System.Security.Claims;
using Liaison.Organization.Contracts;
using Liaison.Reports.Admin;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Time;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Inspections;

/// <summary>
/// The committee's dashboard block (issue 15 item 1): every branch side by side for the current half-year, the weakest
/// first — contact coverage, overdue mandatory talks and quarterly reports on time — each line opening that branch's
/// inspection. Computed by the inspection's one pass over the records for all branches (GROUP BY), as the side-by-side
/// page is; only for users who may inspect every branch.
/// </summary>
internal sealed class BranchComparisonDashboardNotes(
    IPermissionService permissions, IRosterQueries roster, BranchReports branches, InspectionService inspections, ISchoolClock clock,
    IStringLocalizer<BranchComparisonDashboardNotes> S) : IDashboardNotes
{
    /// <summary>At most this many branches are listed; the link opens them all.</summary>
    private const int MaxLines = 8;

    public Task<IReadOnlyList<DashboardNote>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<DashboardNote>>([]);

    public async Task<IReadOnlyList<DashboardBlock>> BlocksAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await permissions.HasPermissionAsync(user, Permissions.Inspect) || !(await roster.ScopeAsync(user)).AllBranches)
        {
            return [];
        }

        var half = clock.HalfYear;
        var choices = await branches.BranchesAsync(user);
        var sheets = choices.Count == 0 ? []
            : await inspections.ComputeAsync([.. choices.Select(b => (b.Id, b.Name))], half, cancellationToken);
        var lines = sheets
            .OrderBy(s => s.Totals.Members == 0 ? 1 : 0)
            .ThenByDescending(s => s.Totals.MandatoryOverdue)
            .ThenBy(s => s.Totals.CoveragePercent)
            .ThenBy(s => s.BranchName, StringComparer.Ordinal)
            .Take(MaxLines)
            .Select(s => new DashboardNote(
                S["{0}: contacts met {1}%, {2} mandatory talk(s) overdue, reports on time {3}/{4}",
                    s.BranchName, s.Totals.CoveragePercent, s.Totals.MandatoryOverdue, s.Totals.ReportsOnTime, s.Totals.ReportsExpected],
                $"/admin/inspections?branch={Uri.EscapeDataString(s.BranchId)}&half={half.Key}",
                Warning: s.Totals.MandatoryOverdue > 0))
            .ToList();
        return
        [
            new DashboardBlock(S["Branches compared ({0})", half.Key], lines, $"/admin/inspections?half={half.Key}", S["Open every branch side by side"],
                S["No branch has members yet: import the roster of Party members first."], Position: 5),
        ];
    }
}
