using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// Democratic appraisal (issue 13) in Chromium: secretary2 prints slips for the demo's open campaign, a voter opens
/// one link at phone width with JavaScript off, rates every member, casts the ballot, and the link then says it was used.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AppraisalVoteBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AVoter_CastsTheBallotFromAPrintedSlip_AtPhoneWidth_WithoutJavaScript()
    {
        string link;
        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/login");
            await page.GetByLabel("用户名或电子邮箱").FillAsync("secretary2");
            await page.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.WaitForURLAsync("**/admin**");
            await page.GotoAsync("/admin/appraisals");
            await page.GetByRole(AriaRole.Link, new() { Name = "第二党支部2026年度民主评议党员" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "为没有电子邮箱的投票人打印投票条" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "投票条" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".appraisal-slip svg").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("appraisal-slips.png"), FullPage = true });
            link = (await page.Locator("code.vote-link").First.InnerTextAsync()).Trim();
        }

        await using (var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN",
        }))
        {
            context.SetDefaultTimeout(90_000);
            context.SetDefaultNavigationTimeout(90_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync(link);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "第二党支部2026年度民主评议党员" })).ToBeVisibleAsync();
            var candidates = page.Locator("fieldset.appraisal-candidate");
            var count = await candidates.CountAsync();
            Assert.True(count >= 3, $"{count} members on the ballot");
            for (var i = 0; i < count; i++)
            {
                await candidates.Nth(i).GetByRole(AriaRole.Radio, new() { Name = i == 0 ? "优秀" : "合格", Exact = true }).CheckAsync();
            }

            await candidates.First.GetByRole(AriaRole.Textbox).FillAsync("备课认真，乐于帮助年轻教师。");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the ballot is {width}px wide at phone width");
            await page.ScreenshotAsync(new() { Path = Shot("appraisal-ballot.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "提交我的选票" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢" })).ToBeVisibleAsync();
            var again = await page.GotoAsync(link);
            Assert.Equal(410, again!.Status);
            await Assertions.Expect(page.GetByText("此链接已使用过")).ToBeVisibleAsync();
        }
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);
}
