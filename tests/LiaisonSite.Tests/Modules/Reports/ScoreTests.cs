using System.Net;
using Liaison.Reports.Scores;
using Liaison.Reports.Settings;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace LiaisonSite.Tests.Modules.Reports;

/// <summary>
/// The yearly liaison score (R12): the rule (points per unit, caps, pass line) set by the committee; the scores page
/// scoped (committee all branches, secretary1 branch 1, member1 refused) with the rule next to the scores, the
/// "meets the liaison condition" filter and the .xlsx export; the member's own score on 我的联系工作.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ScoreTests(ReportsSite site)
{
    private static CancellationToken Ct => ReportsSite.Ct;

    [Fact]
    public void TheRule_MultipliesByTheWeight_CapsEachItem_AndComparesWithThePassLine()
    {
        var rule = new ScoreRule { PassLine = 30 };
        rule.Talks = new() { Weight = 2, Cap = 20 };
        rule.ContactsMet = new() { Weight = 3, Cap = 9 };
        rule.ReportsApproved = new() { Weight = 0, Cap = 100 };

        var score = rule.Score(new Dictionary<string, int> { ["Talks"] = 7, ["ContactsMet"] = 5, ["ReportsApproved"] = 4 });

        Assert.Equal(14, score.Items.Single(i => i.Key == "Talks").Points);        // 7 × 2, under the cap
        Assert.Equal(9, score.Items.Single(i => i.Key == "ContactsMet").Points);   // 5 × 3 = 15, capped at 9
        Assert.Equal(0, score.Items.Single(i => i.Key == "ReportsApproved").Points);
        Assert.Equal(23, score.Total);
        Assert.False(score.Passed);
        Assert.True(new ScoreRule { PassLine = 23, Talks = rule.Talks, ContactsMet = rule.ContactsMet, ReportsApproved = rule.ReportsApproved,
            MandatoryOnTime = new(), ForumsAttended = new(), Visits = new(), FollowUpsClosed = new() }
            .Score(new Dictionary<string, int> { ["Talks"] = 7, ["ContactsMet"] = 5 }).Passed); // reaching the line passes
        Assert.Equal(ScoreRule.Keys, score.Items.Select(i => i.Key));
    }

    [Fact]
    public async Task ScoresPage_IsScoped_ShowsTheRule_AndMembersAreRefused()
    {
        var year = await YearAsync();
        var committee = await (await site.SignInAsync("committee1")).GetStringAsync($"/admin/reports/scores?year={year}", Ct);
        var secretary = await (await site.SignInAsync("secretary1")).GetStringAsync($"/admin/reports/scores?year={year}", Ct);
        var member = await (await site.SignInAsync("member1")).GetAsync("/admin/reports/scores", Ct);
        var memberExport = await (await site.SignInAsync("member1")).GetAsync("/admin/reports/scores/export", Ct);

        Assert.Contains("data-member=\"D102\"", committee);
        Assert.Contains("data-member=\"D202\"", committee);
        Assert.Contains("data-member=\"D102\"", secretary);
        Assert.DoesNotContain("data-member=\"D202\"", secretary);
        Assert.Contains("评分规则", secretary);
        Assert.Contains("合格线 60 分", secretary);
        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        Assert.Contains("access-denied", member.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, memberExport.StatusCode);
        var bad = await (await site.SignInAsync("secretary1")).GetAsync("/admin/reports/scores?year=abc", Ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请选择 2000 至", await bad.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TheCommitteesRule_DecidesWhoMeetsTheCondition_TheFilterAndTheExportFollowIt()
    {
        var year = await YearAsync();
        var committee = await site.SignInAsync("committee1");
        const string settings = "/admin/reports/settings";
        try
        {
            // Pass line 0: everyone meets the condition; out of reach: nobody does.
            Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.PostFormAsync(committee, settings, settings, new() { ["Score.PassLine"] = "0" })).StatusCode);
            var all = await committee.GetStringAsync($"/admin/reports/scores?year={year}&branch=branch-1&passed=false", Ct);
            Assert.DoesNotContain("data-member=\"D102\"", all);
            Assert.Contains("合格线 0 分", all);

            var roster = await committee.GetStringAsync("/admin/organization/members?condition=liaison&branch=branch-1", Ct);
            Assert.Contains("达到联系群众工作条件", roster);
            Assert.Contains(">D102<", roster);

            Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.PostFormAsync(committee, settings, settings, new() { ["Score.PassLine"] = "10000" })).StatusCode);
            var none = await committee.GetStringAsync("/admin/organization/members?condition=liaison&branch=branch-1", Ct);
            Assert.DoesNotContain(">D102<", none);
            Assert.Contains(">D102<", await committee.GetStringAsync("/admin/organization/members?branch=branch-1", Ct));
            Assert.DoesNotContain("data-member=\"D102\"", await committee.GetStringAsync($"/admin/reports/scores?year={year}&branch=branch-1&passed=true", Ct));
            Assert.Contains("data-member=\"D102\"", await committee.GetStringAsync($"/admin/reports/scores?year={year}&branch=branch-1&passed=false", Ct));

            // Weights and caps: talks only, 1 point each, at most 3.
            var fields = new Dictionary<string, string> { ["Score.PassLine"] = "3" };
            foreach (var key in ScoreRule.Keys)
            {
                fields[$"Score.{key}.Weight"] = key == "Talks" ? "1" : "0";
                fields[$"Score.{key}.Cap"] = "3";
            }

            Assert.Equal(HttpStatusCode.Redirect, (await SiteFactory.PostFormAsync(committee, settings, settings, fields)).StatusCode);
            var talks = await TalksOfMember1Async(year);
            var export = await committee.GetAsync($"/admin/reports/scores/export?year={year}&branch=branch-1", Ct);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(["评分", "评分规则"], MiniExcel.GetSheetNames(stream));
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "评分").Cast<IDictionary<string, object>>().ToList();
            var d102 = rows.Single(r => (string)r["工号"] == "D102");
            Assert.Equal(Math.Min(talks, 3), Convert.ToInt32(d102["得分"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(talks >= 3 ? "达到联系群众工作条件" : "未达到联系群众工作条件", d102["联系群众工作条件"]);
            Assert.Contains("合格线 3 分", (string)d102["评分规则"]);
            Assert.DoesNotContain(rows, r => (string)r["工号"] == "D202");

            // A bad value changes nothing.
            var refused = await SiteFactory.PostFormAsync(committee, settings, settings, new() { ["Score.Talks.Weight"] = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("每项分值须为 0 到 100 的整数", await refused.Content.ReadAsStringAsync(Ct));
            Assert.Equal(1, (await RuleAsync()).Talks.Weight);
        }
        finally
        {
            var reset = new Dictionary<string, string> { ["Score.PassLine"] = new ScoreRule().PassLine.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            foreach (var key in ScoreRule.Keys)
            {
                reset[$"Score.{key}.Weight"] = new ScoreRule().Item(key).Weight.ToString(System.Globalization.CultureInfo.InvariantCulture);
                reset[$"Score.{key}.Cap"] = new ScoreRule().Item(key).Cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await SiteFactory.PostFormAsync(committee, settings, settings, reset);
        }
    }

    [Fact]
    public async Task TheMembersOwnScore_IsOnMyLiaisonWork_WithTheRule()
    {
        var html = await (await site.SignInAsync("member1")).GetStringAsync("/admin/my-work", Ct);
        var year = await YearAsync();

        Assert.Contains($"data-year=\"{year}\"", html);
        Assert.Contains("年度联系群众工作评分", html);
        Assert.Contains("评分规则", html);
        Assert.Contains("联系群众工作条件", html);
    }

    [Fact]
    public async Task TheScore_IsOnTheMembersRosterRecord_WithItsItemsAndTheRule()
    {
        var year = await YearAsync();
        var member1 = await site.MemberIdAsync("D102");
        MemberScore expected;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<ScoreService>().OfMemberAsync(member1, year, Ct);
        }

        var html = await (await site.SignInAsync("secretary1")).GetStringAsync($"/admin/organization/members/{member1}", Ct);

        Assert.Contains("年度联系群众工作评分", html);
        Assert.Contains($"{year}年", html);
        Assert.Contains($"{expected.Total}分 · {(expected.Passed ? "达到" : "未达到")}", html);
        Assert.Contains("评分规则：", html);
        Assert.Contains($"/admin/reports/scores?year={year}", html);

        // Branch 2's member is not secretary1's to open; member1 does not open the roster at all.
        var other = await (await site.SignInAsync("secretary1")).GetAsync($"/admin/organization/members/{await site.MemberIdAsync("D202")}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var member = await (await site.SignInAsync("member1")).GetAsync($"/admin/organization/members/{member1}", Ct);
        Assert.NotEqual(HttpStatusCode.OK, member.StatusCode);
    }

    private async Task<int> YearAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ISchoolClock>().Today.Year - 1;
    }

    private async Task<ScoreRule> RuleAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportSettingsService>().ScoreRuleAsync();
    }

    private async Task<int> TalksOfMember1Async(int year)
    {
        var member1 = await site.MemberIdAsync("D102");
        await using var scope = site.Services.CreateAsyncScope();
        var figures = scope.ServiceProvider.GetRequiredService<Liaison.Reports.Figures.ReportFiguresService>();
        return (await figures.ForBranchAsync("branch-1", new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), Ct)).GetValueOrDefault(member1)?.Talks ?? 0;
    }
}
