using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// The administrator builds a small workflow in the in-browser editor (content published → notify the owner), moves an
/// activity by dragging it in the diagram, saves, and the workflow runs when a page is published.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkflowEditorBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_BuildsAWorkflowInTheEditor_AndItRunsWhenAPageIsPublished()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var name = "页面发布通知 " + marker;
        var pageTitle = "校园开放日 " + marker;

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名或电子邮箱").FillAsync(SiteFactory.AdminUserName);
        await page.GetByLabel("密码").FillAsync(SiteFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin**");

        await page.GotoAsync("/admin/workflows");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建工作流" }).ClickAsync();
        await page.Locator("#wf-name").FillAsync(name);
        await page.Locator("#new-activity").SelectOptionAsync(new SelectOptionValue { Value = "ContentPublishedEvent" });
        await page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await page.Locator("#new-activity").SelectOptionAsync(new SelectOptionValue { Value = "NotifyUsersTask" });
        await page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#wf-name")).ToHaveValueAsync(name);

        await page.Locator("#connect-from").SelectOptionAsync(new SelectOptionValue { Label = "内容已发布 — Done" });
        await page.Locator("#connect-to").SelectOptionAsync(new SelectOptionValue { Label = "通知用户" });
        await page.GetByRole(AriaRole.Button, new() { Name = "连接", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-transition]")).ToHaveCountAsync(1);

        var notifyBox = page.Locator("[data-activity-editor]", new() { HasText = "通知用户" }).Last;
        await notifyBox.Locator("input[name$='.p.Subject']").FillAsync("新页面已发布：{{ ContentItem.DisplayText }}");
        await notifyBox.Locator("select[name$='.p.Recipients']").SelectOptionAsync(new SelectOptionValue { Value = "Owner" });
        await page.Locator("input[name$='.p.ContentTypes'][value='Page']").CheckAsync();

        // Drag the notification in the diagram: the editor writes the new place into X/Y and applies it.
        var xBefore = int.Parse(await notifyBox.Locator("input[data-x]").InputValueAsync());
        var node = page.Locator("svg g.workflow-activity").Nth(1);
        await node.ScrollIntoViewIfNeededAsync();
        var box = await node.BoundingBoxAsync();
        Assert.NotNull(box);
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 60, box.Y + box.Height / 2 + 120, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        notifyBox = page.Locator("[data-activity-editor]", new() { HasText = "通知用户" }).Last;
        await Assertions.Expect(notifyBox.Locator("input[data-x]")).Not.ToHaveValueAsync(xBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(notifyBox.Locator("input[name$='.p.Subject']")).ToHaveValueAsync("新页面已发布：{{ ContentItem.DisplayText }}");

        await page.Locator("#wf-enabled").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "workflow-editor.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByText($"“{name}”已保存。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg[data-workflow-diagram] .workflow-transition")).ToHaveCountAsync(1);

        await page.GotoAsync("/admin/contents/new/Page");
        await page.GetByLabel("标题").First.FillAsync(pageTitle);
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain("/new/", page.Url, StringComparison.Ordinal);

        // The workflow starts after commit (the outbox): look at the notifications until it has run.
        var notification = page.GetByText("新页面已发布：" + pageTitle);
        for (var attempt = 0; attempt < 60 && await notification.CountAsync() == 0; attempt++)
        {
            await page.WaitForTimeoutAsync(500);
            await page.GotoAsync("/admin/notifications");
        }

        await Assertions.Expect(notification.First).ToBeVisibleAsync();
    }
}
