using LiaisonSite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LiaisonSite.Tests.Modules.Search;

[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture browser)
{
    private const string Story = "一次谈心，解开青年教师的心结";

    [Fact]
    public async Task Visitor_SearchesFromTheHeaderBox_AndOpensAStoryFromTheResults()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var storyLink = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = Story });

        // The indexer catches up in the background right after setup: search again (bounded) until the story is listed.
        for (var attempt = 0; attempt < 30 && await storyLink.CountAsync() == 0; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }

            var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "站内搜索", Exact = true });
            await box.FillAsync("典型");
            await box.PressAsync("Enter");
            await page.WaitForURLAsync("**/search?q=*");
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "search-results.png"), FullPage = true });
        await storyLink.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Story, Level = 1 })).ToBeVisibleAsync();
    }
}
