using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BrowserSmokeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Chromium_ReachesTheSiteOverHttp()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/health");

        Assert.Equal(200, response!.Status);
        Assert.Contains("Healthy", await page.ContentAsync());
    }
}
