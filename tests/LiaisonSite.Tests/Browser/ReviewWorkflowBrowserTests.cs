using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// The editorial review as people do it (issue 11): editor1 hands in a typical example, secretary1 returns it with a
/// comment from the task inbox, editor1 revises and hands it in again, committee1 approves, and the public site shows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewWorkflowBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Editor_Submits_SecretaryReturns_EditorResubmits_CommitteeApproves_ThenItIsPublic()
    {
        await Modules.Organization.OrganizationSeed.EnsureDemoMembersAsync(browser.Site.Services);
        var title = "党员教师家访记 " + Guid.NewGuid().ToString("N")[..6];
        const string comment = "请补充家访的时间和学生的变化。";

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "editor1");
            await page.GotoAsync("/admin/contents/new/TypicalExample");
            await page.GetByLabel("标题").FillAsync(title);
            await page.GetByLabel("摘要").FillAsync("党员教师利用周末走访学困生家庭。");
            await page.GetByLabel("所属党组织").SelectOptionAsync(new SelectOptionValue { Label = "第一党支部（语文教研组）" });
            var body = page.Locator("trix-editor").First;
            await body.ClickAsync();
            await body.PressSequentiallyAsync("三位党员教师走访了五个家庭。");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/edit**");
        }

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "secretary1");
            await OpenTaskAsync(page, title);
            await Assertions.Expect(page.GetByText("三位党员教师走访了五个家庭。")).ToBeVisibleAsync();
            await page.GetByLabel("意见").FillAsync(comment);
            await page.ScreenshotAsync(new() { Path = Shot("review-task.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "退回", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("已处理：退回。")).ToBeVisibleAsync();
        }

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "editor1");
            await page.GotoAsync("/admin/inbox");
            var row = page.Locator("tr", new() { HasText = title });
            await Assertions.Expect(row.GetByText("退回")).ToBeVisibleAsync();
            await Assertions.Expect(row.GetByText(comment)).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("review-returned.png"), FullPage = true });
            await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await page.GetByLabel("摘要").FillAsync("党员教师利用周末走访学困生家庭，学生期末成绩明显进步。");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿", Exact = true }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "committee1");
            await OpenTaskAsync(page, title);
            await Assertions.Expect(page.GetByText(comment)).ToBeVisibleAsync(); // the earlier decision, with its comment
            await page.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("已处理：通过。")).ToBeVisibleAsync();
        }

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            var link = page.GetByRole(AriaRole.Link, new() { Name = title });
            await Assertions.Expect(link.First).ToBeVisibleAsync();
            await link.First.ClickAsync();
            await Assertions.Expect(page.GetByText("学生期末成绩明显进步")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("review-published.png"), FullPage = true });
        }
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
