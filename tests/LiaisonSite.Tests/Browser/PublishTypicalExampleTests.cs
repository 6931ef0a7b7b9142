using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>What an editor does every week: sign in, write a typical example, publish it, see it on the home page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishTypicalExampleTests(BrowserFixture browser)
{
    [Fact]
    public async Task Editor_SignsInWritesAndPublishes_ThenTheStoryIsOnTheHomePage()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var title = "党员教师结对帮扶学困生 " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/login");
        await page.GetByLabel("用户名或电子邮箱").FillAsync("editor1");
        await page.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin**");

        await page.GotoAsync("/admin/contents/new/TypicalExample");
        await page.GetByLabel("标题").FillAsync(title);
        await page.GetByLabel("摘要").FillAsync("结对帮扶一学期，学困生成绩和信心都有提升。");
        await page.GetByLabel("所属党组织").SelectOptionAsync(new SelectOptionValue { Label = "第一党支部（语文教研组）" });
        var body = page.Locator("trix-editor").First;
        await body.ClickAsync();
        await body.PressSequentiallyAsync("高二年级党员教师与学困生结对，每周谈心一次，期末成绩明显进步。");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain("/new/", page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/");
        var link = page.GetByRole(AriaRole.Link, new() { Name = title });
        await Assertions.Expect(link.First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "home-after-publish.png"), FullPage = true });

        await link.First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("每周谈心一次")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "story-page.png"), FullPage = true });
    }
}
