using Liaison.Reports.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// The quarterly report as people do it (issue 12): member1 saves a draft from 我的联系工作 at phone width and hands it in,
/// secretary1 returns it with a comment from the task inbox, member1 sees the comment, revises and hands it in
/// again, secretary1 approves; the half-yearly inspection of branch 1 counts the approved report.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuarterlyReportBrowserTests(BrowserFixture browser)
{
    private const string Comment = "请补充帮扶学生的具体变化。";

    [Fact]
    public async Task Member_SavesADraft_HandsIn_SecretaryReturns_MemberResubmits_SecretaryApproves_InspectionCountsIt()
    {
        await Modules.Organization.OrganizationSeed.EnsureDemoMembersAsync(browser.Site.Services);
        SchoolPeriod quarter, half;
        await using (var scope = browser.Site.Services.CreateAsyncScope())
        {
            var clock = scope.ServiceProvider.GetRequiredService<ISchoolClock>();
            quarter = clock.Quarter;
            half = clock.HalfYear;
        }

        var inspection = $"/admin/inspections?branch=branch-1&half={half.Key}";
        var approvedBefore = await ApprovedOfMember1Async(inspection);

        await using (var context = await browser.NewContextAsync(phone: true))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "member1");
            await page.GotoAsync("/admin/my-work");
            await page.GetByRole(AriaRole.Link, new() { Name = $"填写 {quarter.Key} 汇报" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{quarter.Key} 季度汇报", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("本季度数据（取自您的记录，提交时固定）")).ToBeVisibleAsync();
            await page.GetByLabel("本季度开展的工作").FillAsync("联系三名学生，开展谈心四次。");
            await page.GetByLabel("发现的问题及解决情况").FillAsync("一名学生学习困难，已安排结对帮学。");
            await page.GetByLabel("下季度计划").FillAsync("继续走访家庭。");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the form is {width}px wide at phone width");
            await page.ScreenshotAsync(new() { Path = Shot("report-form-phone.png"), FullPage = true });

            // A draft first: saved, still editable, not handed in.
            await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            await Assertions.Expect(page.GetByText("草稿已保存。填写完整后请提交审核。")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("strong[data-state]")).ToHaveTextAsync("草稿（未提交）");
            await Assertions.Expect(page.GetByLabel("本季度开展的工作")).ToHaveValueAsync("联系三名学生，开展谈心四次。");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
            await Assertions.Expect(page.GetByText("汇报已提交支部书记审阅。")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-state]").First).ToHaveTextAsync("已提交");
        }

        var (id, title) = await ReportOfMember1Async(quarter.Key);

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "secretary1");
            await OpenTaskAsync(page, title);
            await Assertions.Expect(page.GetByText("联系三名学生，开展谈心四次。")).ToBeVisibleAsync();
            await page.GetByLabel("意见").FillAsync(Comment);
            await page.GetByRole(AriaRole.Button, new() { Name = "退回", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("已处理：退回。")).ToBeVisibleAsync();
        }

        await using (var context = await browser.NewContextAsync(phone: true))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "member1");
            await page.GotoAsync("/admin/my-work");
            await page.Locator($"a[href='/admin/my-work/reports/{id}']").ClickAsync();
            await Assertions.Expect(page.GetByText(Comment).First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("strong[data-state]")).ToHaveTextAsync("已退回");
            await page.GetByLabel("本季度开展的工作").FillAsync("联系三名学生，开展谈心四次；帮扶的学生期中成绩提高了二十分。");
            await page.ScreenshotAsync(new() { Path = Shot("report-returned-phone.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "修改后重新提交" }).ClickAsync();
            await Assertions.Expect(page.GetByText("修改后的汇报已重新提交。")).ToBeVisibleAsync();
        }

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "secretary1");
            await OpenTaskAsync(page, title);
            await Assertions.Expect(page.GetByText("帮扶的学生期中成绩提高了二十分")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText(Comment)).ToBeVisibleAsync(); // the earlier return, with its comment
            await page.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("已处理：通过。")).ToBeVisibleAsync();
        }

        await using (var context = await browser.NewContextAsync(phone: true))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "member1");
            await page.GotoAsync($"/admin/my-work/reports/{id}");
            await Assertions.Expect(page.Locator("strong[data-state]")).ToHaveTextAsync("已通过");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "修改后重新提交" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".report-journal")).ToContainTextAsync(Comment);
        }

        Assert.Equal(approvedBefore + 1, await ApprovedOfMember1Async(inspection));
    }

    /// <summary>The approved reports of member1 (D102) in the half-year's inspection, as secretary1 sees it.</summary>
    private async Task<int> ApprovedOfMember1Async(string inspection)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "secretary1");
        await page.GotoAsync(inspection);
        var value = int.Parse(await page.Locator("tr[data-member='D102'] td[data-cell='reports-approved']").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Shot("inspection-branch1.png"), FullPage = true });
        return value;
    }

    private async Task<(string Id, string Title)> ReportOfMember1Async(string quarter)
    {
        await using var scope = browser.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var member = await db.Set<Liaison.Organization.Data.PartyMember>().Where(m => m.UserName == "member1").Select(m => m.Id).FirstAsync();
        var id = await db.Set<QuarterlyReportIndex>().Where(r => r.Latest && r.MemberId == member && r.Quarter == quarter).Select(r => r.ContentItemId).FirstAsync();
        var title = await db.ContentItems.Where(c => c.ContentItemId == id && c.Latest).Select(c => c.DisplayText).FirstAsync();
        return (id, title!);
    }

    // The task appears once the save's event is delivered (after commit, off the request): reload the inbox until then.
    private static async Task OpenTaskAsync(IPage page, string title)
    {
        var link = page.GetByRole(AriaRole.Link, new() { Name = title });
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.GotoAsync("/admin/inbox");
            if (await link.CountAsync() > 0)
            {
                break;
            }

            await page.WaitForTimeoutAsync(500);
        }

        await link.First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名或电子邮箱").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin**");
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);
}
