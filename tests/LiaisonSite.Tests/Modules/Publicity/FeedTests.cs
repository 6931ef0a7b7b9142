using System.Globalization;
using System.Xml.Linq;
using Liaison.Publicity.Feeds;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Publicity;

public sealed class FeedTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExamplesRss_IsRss2WithThePublishedExamplesNewestFirst_NotTheDraft()
    {
        var response = await site.CreateClient().GetAsync("/examples/rss", Cancel);

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("2.0", rss.Root!.Attribute("version")?.Value);
        var channel = rss.Root.Element("channel")!;
        Assert.Contains("典型事例", channel.Element("title")!.Value);
        Assert.Equal("http://localhost/examples", channel.Element("link")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")!.Value));
        Assert.Equal("zh-cn", channel.Element("language")!.Value);

        var items = channel.Elements("item").ToList();
        Assert.Equal(DemoContent.PublishedExamples, items.Count);
        Assert.DoesNotContain(items, i => i.Element("title")!.Value == DemoContent.DraftExample);
        foreach (var item in items)
        {
            Assert.StartsWith("http://localhost/typical-examples/", item.Element("link")!.Value);
            Assert.Equal("false", item.Element("guid")!.Attribute("isPermaLink")?.Value);
            Assert.StartsWith("example-", item.Element("guid")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(item.Element("description")!.Value));
            Assert.DoesNotContain("<", item.Element("description")!.Value);
        }

        var dates = items.Select(i => DateTime.ParseExact(i.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal("example-05", items[0].Element("guid")!.Value);
    }

    [Fact]
    public async Task NewsRss_FilteredByBranch_ListsOnlyThatBranchsNews()
    {
        await site.SettleEventsAsync();
        var all = await RssTitlesAsync("/news/rss?settled=1");
        var branch1 = await RssTitlesAsync("/news/rss?branch=" + DemoContent.Branch1Id);

        // The recipe's twelve and the one its review workflow published on approval (the newest).
        Assert.Equal(DemoContent.PublishedNews + 1, all.Count);
        Assert.Equal(DemoContent.ApprovedNews, all[0]);
        Assert.Equal(DemoContent.NewestNews, all[1]);
        Assert.Equal(4, branch1.Count);
        Assert.All(branch1, t => Assert.StartsWith("第一党支部", t));
        Assert.Empty(await RssTitlesAsync("/news/rss?branch=no-such-branch"));
    }

    [Fact]
    public async Task ExamplesRss_WhenAPublishedExampleGetsADraft_ShowsThePublishedTitleOnly()
    {
        const string draftTitle = "尚未发布的新标题：谈心之后";
        await ItemTitles.DraftAsync(site, "example-01", draftTitle);

        // A query string of its own: the feed is not served from a copy cached before the draft existed.
        var titles = await RssTitlesAsync("/examples/rss?draft-check=1");

        Assert.Contains("一次谈心，解开青年教师的心结", titles);
        Assert.DoesNotContain(draftTitle, titles);
    }

    [Fact]
    public async Task ListPages_LinkTheirFeedInTheHead()
    {
        var examples = await PublicHtml.GetPageAsync(site.CreateClient(), "/examples");
        var news = await PublicHtml.GetPageAsync(site.CreateClient(), "/news?branch=" + DemoContent.Branch1Id);

        Assert.Equal("/examples/rss", examples.QuerySelector("head link[rel=alternate][type='application/rss+xml']")?.GetAttribute("href"));
        Assert.Equal("/news/rss?branch=branch-1", news.QuerySelector("head link[rel=alternate][type='application/rss+xml']")?.GetAttribute("href"));
    }

    [Fact]
    public void Rfc1123_WritesTheDateInGmt()
        => Assert.Equal("Wed, 18 Mar 2026 02:00:00 GMT", RssWriter.Rfc1123(new DateTime(2026, 3, 18, 2, 0, 0, DateTimeKind.Utc)));

    private async Task<List<string>> RssTitlesAsync(string url)
    {
        var response = await site.CreateClient().GetAsync(url, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return [.. rss.Root!.Element("channel")!.Elements("item").Select(i => i.Element("title")!.Value)];
    }
}
