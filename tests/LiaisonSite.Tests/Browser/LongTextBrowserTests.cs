using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Contents;
using LiaisonSite.Tests.Modules.Organization;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Browser;

/// <summary>
/// Issue 15, item 11: long unbroken user text (a name or title without a space, as a pasted code or address is) wraps
/// inside its cell or card at 390 px instead of widening the page — on the pairing page and a version history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongTextBrowserTests(BrowserFixture browser)
{
    private static readonly string Unbroken = string.Concat(Enumerable.Repeat("0123456789", 4)) + "长名";

    [Fact]
    public async Task LongUnbrokenNameAndTitle_WrapAt390Px_OnPairingAndVersionHistory()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await OrganizationSeed.EnsureMemberAsync(browser.Site.Services, null, "L" + suffix, Unbroken + suffix, "branch-1");
        using var editor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri(browser.BaseUrl),
        };
        var signIn = await SiteFactory.PostFormAsync(editor, "/login", "/login", new()
        {
            ["UserName"] = "editor1", ["Password"] = SiteFactory.DemoPassword,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        var id = await ContentsHttp.CreatePageAsync(editor, Unbroken + Unbroken + suffix, "long-" + suffix, publish: true);

        await using var secretary = await PhoneAsync();
        var page = await secretary.NewPageAsync();
        await SignInAsync(page, "secretary1");
        await page.GotoAsync("/admin/pairing");
        await Assertions.Expect(page.Locator("#pairing-members tbody th").Filter(new() { HasText = Unbroken + suffix })).ToBeVisibleAsync();
        Assert.Equal(390, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));

        await using var editorContext = await PhoneAsync();
        page = await editorContext.NewPageAsync();
        await SignInAsync(page, "editor1");
        await page.GotoAsync($"/admin/contents/{id}/versions");
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(suffix);
        Assert.Equal(390, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
    }

    private Task<IBrowserContext> PhoneAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = browser.BaseUrl,
        Locale = "zh-CN",
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
    });

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名或电子邮箱").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(SiteFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin**");
    }
}
