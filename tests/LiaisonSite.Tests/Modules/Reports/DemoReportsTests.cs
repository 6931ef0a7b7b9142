using Liaison.Reports.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>The demo (issue 12, item 8): reports across branches as drafts, handed in and approved, and last year's scores.</summary>
[Collection(ReportsCollection.Name)]
public sealed class DemoReportsTests(ReportsSite site)
{
    private static CancellationToken Ct => ReportsSite.Ct;

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
        Assert.Contains("data-state=\"Draft\"", html);

        int lastYear;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            lastYear = scope.ServiceProvider.GetRequiredService<ISchoolClock>().Today.Year - 1;
        }

        var scores = await (await site.SignInAsync("committee1")).GetStringAsync($"/admin/reports/scores?year={lastYear}", Ct);
        Assert.Matches("<tr data-member=\"D102\">(?:(?!</tr>).)*data-item=\"Talks\"[^>]*>[1-9]", scores.Replace("\n", " "));
    }
}
