using Liaison.Reports.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>
/// The demo (issue 12, item 8): reports across branches as drafts, handed in, returned with a comment and approved,
/// and last year's scores.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class DemoReportsTests(ReportsSite site)
{
    private static CancellationToken Ct => ReportsSite.Ct;

    [Fact]
    public async Task TheDemo_HasAReportReturnedWithAComment_ShownToItsMemberAndInTheBranchView()
    {
        // The recipe's WorkflowDemo step decides after the recipe commits (outbox): wait until it has.
        Liaison.Workflows.Data.WorkflowTask? decided = null;
        for (var attempt = 0; attempt < 600 && decided is null; attempt++)
        {
            decided = await site.WithDbAsync(db => db.Set<Liaison.Workflows.Data.WorkflowTask>().AsNoTracking()
                .FirstOrDefaultAsync(t => t.ContentItemId == "report-d204-q1" && t.Outcome != null, Ct));
            if (decided is null)
            {
                await Task.Delay(100, Ct);
            }
        }

        Assert.NotNull(decided);
        Assert.Equal(("退回", "secretary2"), (decided.Outcome, decided.DecidedBy));
        Assert.Contains("请补充本季度谈心中发现的问题", decided.Comment);

        var report = await site.WithDbAsync(db => db.Set<QuarterlyReportIndex>().AsNoTracking().SingleAsync(r => r.Latest && r.ContentItemId == "report-d204-q1", Ct));
        var html = await (await site.SignInAsync("secretary2")).GetStringAsync($"/admin/reports?quarter={report.Quarter}", Ct);
        Assert.Contains("data-state=\"Returned\"", html);
        Assert.Contains("请补充本季度谈心中发现的问题", html);
    }

    [Fact]
    public async Task TheDemo_HasReportsAcrossBranches_InTheDraftSubmittedAndApprovedStates_AndScoresForLastYear()
    {
        var demo = await site.WithDbAsync(db => db.Set<QuarterlyReportIndex>().AsNoTracking()
            .Where(r => r.Latest && r.ContentItemId.StartsWith("report-d")).ToListAsync(Ct));
        Assert.True(demo.Count >= 10, $"{demo.Count} demo reports");
        Assert.Equal(3, demo.Select(r => r.BranchId).Distinct().Count());
        Assert.Contains(demo, r => r.HandIns == 0 && !r.Published && r.FirstSubmittedUtc == null); // drafts
        Assert.Contains(demo, r => r.HandIns > 0 && !r.Published);                                 // handed in
        Assert.Contains(demo, r => r.Published);                                                    // approved

        // The committee's branch view of this quarter shows the drafts as drafts.
        var html = await (await site.SignInAsync("committee1")).GetStringAsync("/admin/reports", Ct);

        // Failed once in ~50 CI runs with no cause found (2026-12-02): a failure says what the page and the data held.
        var drafts = demo.Where(r => r.HandIns == 0 && !r.Published && r.FirstSubmittedUtc == null).Select(r => $"{r.ContentItemId} {r.Quarter} member {r.MemberId}");
        var shown = System.Text.RegularExpressions.Regex.Matches(html, "<option value=\"[^\"]*\" selected=\"selected\">[^<]*|data-count=\"\\w+\">[^<]*")
            .Select(m => m.Value);
        Assert.True(html.Contains("data-state=\"Draft\"", StringComparison.Ordinal),
            $"No draft on the committee's /admin/reports. Demo drafts: {string.Join("; ", drafts)}. The page: {string.Join("; ", shown)}.");

        int lastYear;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            lastYear = scope.ServiceProvider.GetRequiredService<ISchoolClock>().Today.Year - 1;
        }

        var scores = await (await site.SignInAsync("committee1")).GetStringAsync($"/admin/reports/scores?year={lastYear}", Ct);
        Assert.Matches("<tr data-member=\"D102\">(?:(?!</tr>).)*data-item=\"Talks\"[^>]*>[1-9]", scores.Replace("\n", " "));
    }
}
