using System.Net;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Publicity;

public sealed class CultureSwitchTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Culture_English_SetsTheCookieAndTheHomeShowsEnglish()
    {
        var client = site.CreateBrowserClient();

        var response = await client.GetAsync("/culture?c=en-US&returnUrl=%2Fnews%3Fpage%3D1", Cancel);
        var home = await PublicHtml.GetPageAsync(client, "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/news?page=1", response.Headers.Location?.OriginalString);
        Assert.Equal("en-US", home.DocumentElement.GetAttribute("lang"));
        var nav = home.QuerySelector("nav.tb-nav")!.TextContent;
        Assert.Contains("Typical examples", nav);
        Assert.Contains("Branch news", nav);
        Assert.DoesNotContain("支部动态", nav);
    }

    [Fact]
    public async Task Culture_Chinese_AfterEnglish_SwitchesBack()
    {
        var client = site.CreateBrowserClient();

        await client.GetAsync("/culture?c=en-US&returnUrl=/", Cancel);
        await client.GetAsync("/culture?c=zh-CN&returnUrl=/", Cancel);
        var home = await PublicHtml.GetPageAsync(client, "/");

        Assert.Equal("zh-CN", home.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("")]
    public async Task Culture_WithANonLocalReturnUrl_RedirectsHome(string returnUrl)
    {
        var response = await site.CreateBrowserClient()
            .GetAsync("/culture?c=en-US&returnUrl=" + Uri.EscapeDataString(returnUrl), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Culture_Unknown_FallsBackToChinese()
    {
        var response = await site.CreateBrowserClient().GetAsync("/culture?c=fr-FR&returnUrl=/", Cancel);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("c%3Dzh-CN", cookie);
    }
}
