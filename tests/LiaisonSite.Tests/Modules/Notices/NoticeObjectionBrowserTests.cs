using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Modules.Notices;

[Collection(BrowserCollection.Name)]
public sealed class NoticeObjectionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Visitor_OpensTheOpenNotice_SendsAnObjection_AndSeesTheConfirmation()
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/notices");
        await page.GetByRole(AriaRole.Link, new() { Name = DemoNotices.OpenTitle }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "异议与意见" }).WaitForAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "匿名提交" }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "异议或意见" }).FillAsync("建议支部在发展前再听取一次所在年级学生的意见。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();

        var status = page.GetByRole(AriaRole.Status);
        await status.WaitForAsync();
        Assert.Contains("您的意见已收到", await status.InnerTextAsync());
        Assert.Matches(@"GS\d{8}-\d{4}", await status.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "notice-objection-received.png"), FullPage = true });
    }
}
