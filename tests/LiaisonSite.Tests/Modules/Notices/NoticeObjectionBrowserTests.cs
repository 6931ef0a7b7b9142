using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        Assert.Matches(@"GS-[0-9A-Z]{16}", await status.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "notice-objection-received.png"), FullPage = true });
    }

    /// <summary>Issue 15 item 5: anonymous objects at phone width, the secretary answers in the admin, the objector reads it with the receipt.</summary>
    [Fact]
    public async Task Objector_ReadsTheSecretarysAnswer_WithTheReceiptNumber()
    {
        string receipt;
        await using (var visitor = await browser.NewContextAsync(phone: true))
        {
            var page = await visitor.NewPageAsync();
            await page.GotoAsync(DemoNotices.OpenPath);
            // Labels sit above their fields at phone width.
            var label = await page.Locator("label[for=objection-text]").BoundingBoxAsync();
            var field = await page.Locator("#objection-text").BoundingBoxAsync();
            Assert.True(label!.Y + label.Height <= field!.Y + 1, "The label is not above its field.");

            // Too short first: the error sits next to the field and the text is kept.
            await page.GetByRole(AriaRole.Textbox, new() { Name = "异议或意见" }).FillAsync("太短");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
            var error = page.Locator("#objection-text-error");
            await error.WaitForAsync();
            Assert.Contains("10", await error.InnerTextAsync());
            Assert.Equal("太短", await page.Locator("#objection-text").InputValueAsync());

            await page.GetByRole(AriaRole.Checkbox, new() { Name = "匿名提交" }).CheckAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "异议或意见" }).FillAsync("请支部说明该同志参加志愿服务的时长是如何认定的。");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
            var status = page.GetByRole(AriaRole.Status);
            await status.WaitForAsync();
            receipt = System.Text.RegularExpressions.Regex.Match(await status.InnerTextAsync(), "GS-[0-9A-Z]{16}").Value;
            Assert.NotEmpty(receipt);
        }

        await using (var admin = await browser.NewContextAsync())
        {
            var page = await admin.NewPageAsync();
            await page.GotoAsync("/login");
            await page.GetByLabel("用户名或电子邮箱").FillAsync("secretary1");
            await page.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.WaitForURLAsync("**/admin**");
            await page.GotoAsync("/admin/notices/objections/" + await ObjectionIdAsync(receipt));
            await page.Locator("#answer").FillAsync("志愿服务时长以校团委志愿服务系统的记录为准，已核实。");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync();
            await page.WaitForURLAsync("**/admin/notices/objections");
        }

        await using (var objector = await browser.NewContextAsync(phone: true))
        {
            var page = await objector.NewPageAsync();
            var response = await page.GotoAsync("/notices/objections/" + receipt);
            Assert.Equal(200, response!.Status);
            Assert.Contains("志愿服务时长以校团委志愿服务系统的记录为准", await page.Locator("[data-receipt-answer]").InnerTextAsync());
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "notice-objection-answer.png"), FullPage = true });
            Assert.Equal(404, (await page.GotoAsync("/notices/objections/GS-0000000000000000"))!.Status);
        }
    }

    private async Task<long> ObjectionIdAsync(string receipt)
    {
        await using var scope = browser.Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.Data.LiaisonDbContext>()
            .Set<Liaison.Notices.Data.Objection>().Where(o => o.Receipt == receipt).Select(o => o.Id)
            .SingleAsync(TestContext.Current.CancellationToken);
    }
}
