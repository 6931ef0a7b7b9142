using System.Net;
using Liaison.Publicity.Home;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Publicity;

public sealed class PublicPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_ByDefault_IsChineseAndShowsTheLatestNewsAndExamples()
    {
        var page = await PublicHtml.GetPageAsync(site.CreateClient(), "/");

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("支部动态", page.QuerySelector("nav.tb-nav")!.TextContent);
        var titles = PublicHtml.CardTitles(page);
        Assert.Contains(DemoContent.NewestNews, titles);
        Assert.DoesNotContain(DemoContent.OldestNews, titles); // only the latest six news
        Assert.DoesNotContain(DemoContent.DraftExample, titles);
        Assert.Equal(PublicHomeController.LatestCount + DemoContent.PublishedExamples, titles.Count);
        Assert.Equal("/branch-news/branch3-sports-day", page.QuerySelectorAll("main .tb-card__title a")
            .First(a => a.TextContent.Trim() == DemoContent.NewestNews).GetAttribute("href"));
        Assert.Contains("2026年10月16日", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Examples_ListsThePublishedExamples_NotTheDraft()
    {
        var titles = PublicHtml.CardTitles(await PublicHtml.GetPageAsync(site.CreateClient(), "/examples"));

        Assert.Equal(DemoContent.PublishedExamples, titles.Count);
        Assert.DoesNotContain(DemoContent.DraftExample, titles);
    }

    [Fact]
    public async Task News_PagesBySiteSettingsPageSize_NewestFirst()
    {
        // The demo's review workflow publishes one more news item once the setup's events are delivered (its publish
        // evicts the cached pages): counted after they are.
        await site.SettleEventsAsync();
        var client = site.CreateClient();

        var first = PublicHtml.CardTitles(await PublicHtml.GetPageAsync(client, "/news"));
        var second = await PublicHtml.GetPageAsync(client, "/news?page=2");
        var secondTitles = PublicHtml.CardTitles(second);

        Assert.Equal(10, first.Count);
        Assert.Equal(DemoContent.ApprovedNews, first[0]);
        Assert.Equal(DemoContent.NewestNews, first[1]);
        Assert.Equal(DemoContent.PublishedNews + 1 - 10, secondTitles.Count);
        Assert.Equal(DemoContent.OldestNews, secondTitles[^1]);
        Assert.Empty(first.Intersect(secondTitles));
        Assert.NotNull(second.QuerySelector("a[rel=prev][href='/news?page=1']"));
    }

    [Fact]
    public async Task News_FilteredByBranch_ListsOnlyThatBranchsNews()
    {
        var page = await PublicHtml.GetPageAsync(site.CreateClient(), "/news?branch=" + DemoContent.Branch1Id);
        var titles = PublicHtml.CardTitles(page);

        Assert.Equal(4, titles.Count);
        Assert.Contains(DemoContent.Branch1News, titles);
        Assert.DoesNotContain(DemoContent.Branch2News, titles);
        Assert.All(titles, t => Assert.StartsWith("第一党支部", t));
        var selected = page.QuerySelector("select#branch option[selected]");
        Assert.Equal(DemoContent.Branch1Id, selected?.GetAttribute("value"));
        Assert.Equal(4, page.QuerySelectorAll("select#branch option[value^='branch-']").Length);
    }

    [Fact]
    public async Task News_FilteredByUnknownBranch_ListsNothing()
    {
        var titles = PublicHtml.CardTitles(await PublicHtml.GetPageAsync(site.CreateClient(), "/news?branch=no-such-branch"));

        Assert.Empty(titles);
    }

    [Fact]
    public async Task Layout_LinksTheThemeStylesheet_WhichIsServed()
    {
        var client = site.CreateClient();
        var home = await PublicHtml.GetPageAsync(client, "/");
        var href = home.QuerySelector("link[rel=stylesheet][href*='/_content/TheBranch/']")?.GetAttribute("href");

        Assert.NotNull(href);
        var css = await client.GetAsync(href, Cancel);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Layout_HasSkipLinkLandmarksAndALabelledSearch()
    {
        var home = await PublicHtml.GetPageAsync(site.CreateClient(), "/");

        Assert.Equal("#main", home.QuerySelector("a.tb-skip")?.GetAttribute("href"));
        Assert.NotNull(home.QuerySelector("header"));
        Assert.NotNull(home.QuerySelector("main#main"));
        Assert.NotNull(home.QuerySelector("footer"));
        var search = home.QuerySelector("form[action='/search'][method=get] input[name=q]");
        Assert.NotNull(search);
        Assert.NotNull(home.QuerySelector($"label[for='{search.Id}']"));
        Assert.NotNull(home.QuerySelector("a[href^='/culture?c=en-US']"));
        Assert.NotNull(home.QuerySelector("a[href='/login']"));
    }

    [Fact]
    public async Task UnknownPath_Gives404WithTheFriendlyChinesePage_AndNoStackTrace()
    {
        var response = await site.CreateClient().GetAsync("/no/such/page", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面未找到", html);
        Assert.Contains("返回首页", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain(" at ", html);
    }

    [Fact]
    public async Task ErrorPage_ShowsAGenericMessage_WithStatus500()
    {
        var response = await site.CreateClient().GetAsync("/error", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("页面出错了", html);
    }
}
