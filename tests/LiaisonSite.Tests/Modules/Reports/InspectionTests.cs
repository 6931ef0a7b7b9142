using System.Net;
using Liaison.Reports.Data;
using Liaison.Reports.Reminders;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>
/// /admin/inspections and /admin/reports (issue 12 Done-when): secretary1 inspects branch 1, member1 may not; the
/// committee sees every branch side by side; an inspection exports to .xlsx, is saved as it was, and its
/// rectification items are followed up. The branch view lists who reported and exports too. Reminders once a day.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class InspectionTests(ReportsSite site)
{
    private static CancellationToken Ct => ReportsSite.Ct;

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Inspections_WorkForSecretary1_AndNotForMember1()
    {
        var secretary = await (await site.SignInAsync("secretary1")).GetAsync("/admin/inspections", Ct);
        var member = await (await site.SignInAsync("member1")).GetAsync("/admin/inspections", Ct);
        var anonymous = await site.CreateBrowserClient().GetAsync("/admin/inspections", Ct);

        Assert.Equal(HttpStatusCode.OK, secretary.StatusCode);
        var html = await secretary.Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-branch=\"branch-1\"", html);
        Assert.DoesNotContain("data-branch=\"branch-2\"", html);
        Assert.Contains("<svg", html);
        AssertRefused(member);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.SignInAsync("secretary1")).GetAsync("/admin/inspections?branch=branch-2", Ct)).StatusCode);
    }

    [Fact]
    public async Task Committee_SeesEveryBranchSideBySide()
    {
        var html = await (await site.SignInAsync("committee1")).GetStringAsync("/admin/inspections", Ct);

        Assert.Contains("inspection-branches", html);
        foreach (var branch in new[] { "branch-1", "branch-2", "branch-3" })
        {
            Assert.Contains($"<tr data-branch=\"{branch}\">", html);
            Assert.Contains($"/admin/inspections?branch={branch}&half=", html);
        }

        // Totals and a chart per branch, each linking to its sheet — not every member of every branch on one page.
        Assert.Contains("chart-branches", html);
        Assert.DoesNotContain("inspection-sheet", html);
    }

    [Fact]
    public async Task TheSideBySideComputation_GivesEachBranch_TheSameSheetAsItsOwnInspection()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<Liaison.Reports.Inspections.InspectionService>();
        var half = scope.ServiceProvider.GetRequiredService<ISchoolClock>().HalfYear;
        (string, string)[] branches = [("branch-1", "一"), ("branch-2", "二"), ("branch-3", "三")];

        var together = await service.ComputeAsync(branches, half, Ct);

        Assert.Equal(["branch-1", "branch-2", "branch-3"], together.Select(s => s.BranchId));
        foreach (var sheet in together)
        {
            var alone = await service.ComputeAsync(sheet.BranchId, sheet.BranchName, half, Ct);
            Assert.NotEmpty(alone.Members);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(alone.Members), System.Text.Json.JsonSerializer.Serialize(sheet.Members));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(alone.Totals), System.Text.Json.JsonSerializer.Serialize(sheet.Totals));
            Assert.Equal(alone.Trend, sheet.Trend);
        }

        // The branches' figures differ (the computation did not give every branch the same lines).
        Assert.NotEqual(together[0].Members.Select(m => m.MemberId), together[1].Members.Select(m => m.MemberId));
    }

    [Fact]
    public async Task AnInspection_ExportsToXlsx_WithEveryMemberOfTheBranch()
    {
        var response = await (await site.SignInAsync("secretary1")).GetAsync("/admin/inspections/export?branch=branch-1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.Equal(["支部", "党员情况"], sheets);
        var members = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "党员情况").Cast<IDictionary<string, object>>().ToList();
        var branch1 = await site.WithDbAsync(db => db.Set<Liaison.Organization.Data.PartyMember>().CountAsync(m => m.BranchId == "branch-1" && m.Active, Ct));
        Assert.Equal(branch1, members.Count);
        Assert.All(members, m => Assert.Equal("第一党支部（语文教研组）", m["党支部"]));
        Assert.Contains(members, m => (string)m["工号"] == "D102");
    }

    [Fact]
    public async Task ASavedInspection_KeepsItsFigures_AndItsRectificationItemsAreFollowedUp()
    {
        var secretary1 = await site.SignInAsync("secretary1");
        SchoolPeriod half;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            half = scope.ServiceProvider.GetRequiredService<ISchoolClock>().HalfYear;
        }

        var item = "整改：加强与青年教师的谈心 " + Guid.NewGuid().ToString("N")[..6];
        var saved = await SiteFactoryForms.PostAsync(secretary1, $"/admin/inspections?branch=branch-1&half={half.Key}", "/admin/inspections", new()
        {
            ["branch"] = "branch-1", ["half"] = half.Key, ["findings"] = "联系覆盖面较好，个别五必谈逾期。",
            ["items"] = item, ["dueDate"] = half.End.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;
        var inspection = await site.WithDbAsync(db => db.Set<Inspection>().AsNoTracking().OrderByDescending(i => i.Id).FirstAsync(Ct));
        Assert.Equal($"/admin/inspections/{inspection.Id}", url);
        var before = await secretary1.GetStringAsync(url, Ct);

        // New records after saving change the live inspection, not the saved one.
        await ReportsSite.HandInAsync(await site.SignInAsync("member1"), "2020-Q1");
        var snapshot = await site.WithDbAsync(db => db.Set<Inspection>().Where(i => i.Id == inspection.Id).Select(i => i.Snapshot).FirstAsync(Ct));
        Assert.Equal(inspection.Snapshot, snapshot);
        var after = await secretary1.GetStringAsync(url, Ct);
        Assert.Equal(Section(before), Section(after));
        Assert.Contains("联系覆盖面较好", after);
        Assert.Contains("@media print", after);

        var followUps = await secretary1.GetStringAsync("/admin/follow-ups?status=all", Ct);
        Assert.Contains(item, followUps);
        Assert.DoesNotContain(item, await (await site.SignInAsync("secretary2")).GetStringAsync("/admin/follow-ups?status=all", Ct));
        var export = await secretary1.GetAsync($"{url}/export", Ct);
        Assert.Equal(Xlsx, export.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.SignInAsync("secretary2")).GetAsync(url, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/admin/inspections?half=2026-H7")]
    [InlineData("/admin/reports?quarter=nonsense")]
    public async Task MalformedPeriods_AreAMessage_NotAnError(string url)
    {
        var response = await (await site.SignInAsync("secretary1")).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("alert-danger", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task BranchView_ListsWhoReported_ForSecretary1sBranchOnly_AndExports()
    {
        var id = await ReportsSite.HandInAsync(await site.SignInAsync("member1"), "2020-Q2");
        var secretary1 = await site.SignInAsync("secretary1");

        var html = await secretary1.GetStringAsync("/admin/reports?quarter=2020-Q2", Ct);
        var notReported = await secretary1.GetStringAsync("/admin/reports?quarter=2020-Q2&state=NotReported", Ct);
        var export = await secretary1.GetAsync("/admin/reports/export?quarter=2020-Q2", Ct);

        Assert.Contains(id, html);
        Assert.Contains("<tr data-member=\"D102\">", html);
        Assert.DoesNotContain("<tr data-member=\"D202\">", html);
        Assert.DoesNotContain("<tr data-member=\"D102\">", notReported);
        Assert.Contains("<tr data-member=\"D101\">", notReported);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["工号"] == "D102" && (string)r["状态"] == "已提交");
        Assert.DoesNotContain(rows, r => (string)r["工号"] == "D202");
        AssertRefused(await (await site.SignInAsync("member1")).GetAsync("/admin/reports", Ct));
    }

    [Fact]
    public async Task Reminders_ReachMembersWithoutAReport_AndTheirSecretaryAfterTheDeadline_OnceADay()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var clock = services.GetRequiredService<ISchoolClock>();
        var last = SchoolPeriod.QuarterOf(clock.Today.AddMonths(-3));
        var member3 = await site.MemberIdAsync("D202");
        var reported = await site.WithDbAsync(db => db.Set<QuarterlyReportIndex>().AnyAsync(r => r.Latest && r.MemberId == member3 && r.Quarter == last.Key, Ct));
        Assert.False(reported, "member3 has not reported the last quarter");
        // Only the reminders' own notifications are counted (their links name the report pages): the shared demo site
        // notifies the same users of other things meanwhile (its WorkflowDemo step returns D204's report after start).
        var memberLink = $"/admin/my-work/reports/new?quarter={last.Key}";
        var secretaryLink = $"/admin/reports?quarter={last.Key}&branch=branch-2&state=NotReported";
        var before = await NotificationsAsync("member3", memberLink);
        var secretaryBefore = await NotificationsAsync("secretary2", secretaryLink);

        var first = await services.GetRequiredService<ReportReminderService>().SendDueAsync(10, Ct);
        var second = await services.GetRequiredService<ReportReminderService>().SendDueAsync(10, Ct);

        Assert.True(first > 0);
        Assert.Equal(0, second);
        Assert.Equal(before + 1, await NotificationsAsync("member3", memberLink));
        // The demo's today is past the last quarter's deadline (10 days after it ended): the secretary hears of it too.
        Assert.True(clock.Today > last.End.AddDays(9));
        Assert.Equal(secretaryBefore + 1, await NotificationsAsync("secretary2", secretaryLink));
        var keys = await site.WithDbAsync(db => db.Set<ReportReminder>().GroupBy(r => new { r.ItemKey, r.Day }).Select(g => g.Count()).ToListAsync(Ct));
        Assert.All(keys, count => Assert.Equal(1, count));
    }

    /// <summary>A signed-in user without the permission is sent to the access-denied page (403 there).</summary>
    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.OriginalString);
    }

    private async Task<int> NotificationsAsync(string userName, string url)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<UserNotification>().CountAsync(n => n.UserId == user!.Id && n.Url == url, Ct);
    }

    private static string Section(string html)
    {
        var start = html.IndexOf("<section class=\"inspection-sheet", StringComparison.Ordinal);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}

internal static class SiteFactoryForms
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
        => Infrastructure.SiteFactory.PostFormAsync(client, formPage, action, fields);
}
