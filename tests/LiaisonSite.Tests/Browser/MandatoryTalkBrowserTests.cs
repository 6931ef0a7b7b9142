using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// 五必谈 at phone width (issue 10): secretary1 records a promotion for a person member1 contacts, member1 sees the
/// talk due on 我的联系工作, records it with the short form, and it closes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MandatoryTalkBrowserTests(BrowserFixture browser)
{
    private const string Person = "蒋君浩 (J002)"; // member1's contact in the demo
    private const string Promotion = "工作变迁、职务升降、退休离休";

    [Fact]
    public async Task Secretary_RecordsAPromotion_Member1SeesTheTalkDue_RecordsIt_AndItCloses()
    {
        await using (var context = await browser.NewContextAsync(phone: true))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "secretary1");
            await page.GotoAsync("/admin/talks/events");
            // The search box above the roster picker: the number alone leaves one person, who is chosen.
            await page.GetByRole(AriaRole.Searchbox).First.FillAsync("J002");
            Assert.Equal(Person, (await page.GetByLabel("人员", new() { Exact = true }).Locator("option:checked").InnerTextAsync()).Trim());
            await page.GetByLabel("发生的事项").SelectOptionAsync(new SelectOptionValue { Label = Promotion });
            await page.GetByLabel("备注").FillAsync("晋升为英语教研室主任。");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("需要与其谈心")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("mandatory-talk-recorded.png"), FullPage = true });
        }

        await using (var context = await browser.NewContextAsync(phone: true))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "member1");
            await page.GotoAsync("/admin/my-work");
            var due = page.Locator("li.talk-due", new() { HasText = "蒋君浩" }).Filter(new() { HasText = Promotion });
            await Assertions.Expect(due.First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Shot("mandatory-talk-due.png"), FullPage = true });

            await due.First.GetByRole(AriaRole.Link, new() { Name = "记录这次谈心" }).ClickAsync();
            Assert.Equal(Person, (await page.GetByLabel("谈心对象", new() { Exact = true }).Locator("option:checked").InnerTextAsync()).Trim());
            Assert.Equal(Promotion, (await page.GetByLabel("谈心类型", new() { Exact = true }).Locator("option:checked").InnerTextAsync()).Trim());
            await page.GetByLabel("地点", new() { Exact = true }).FillAsync("英语教研室");
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "思想" }).CheckAsync();
            await page.GetByLabel("谈话内容", new() { Exact = true }).FillAsync("祝贺晋升，谈了新岗位的工作思路和需要的支持。");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the form is {width}px wide at phone width");
            await page.ScreenshotAsync(new() { Path = Shot("mandatory-talk-form.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "保存谈心记录" }).ClickAsync();

            await page.WaitForURLAsync(url => url.EndsWith("/admin/my-work", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("li.talk-due", new() { HasText = "蒋君浩" }).Filter(new() { HasText = Promotion })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("ul.my-talks").GetByText("蒋君浩").First).ToBeVisibleAsync();
        }
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名或电子邮箱").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin**");
    }
}
