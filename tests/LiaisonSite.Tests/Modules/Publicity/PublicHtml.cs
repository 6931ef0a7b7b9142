using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LiaisonSite.Tests.Modules.Publicity;

/// <summary>Reads what a visitor sees on a public page.</summary>
internal static class PublicHtml
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The titles of the listed items, in page order.</summary>
    public static List<string> CardTitles(IDocument page)
        => [.. page.QuerySelectorAll("main .tb-card__title").Select(a => a.TextContent.Trim())];

    public static async Task<IDocument> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>Titles of the demo recipe (recipes/liaison-demo.recipe.json) that the tests look for.</summary>
internal static class DemoContent
{
    public const string NewestNews = "第三党支部组织党员志愿者服务校运会";
    public const string OldestNews = "第一党支部开展新学期谈心谈话活动";
    public const string Branch1News = "第一党支部召开新学年支部大会，调整党员联系对象";
    public const string Branch2News = "第二党支部开展“五必谈”落实情况自查";
    public const string DraftExample = "后勤党员的暑期检修清单";
    /// <summary>The news the recipe publishes itself.</summary>
    public const int PublishedNews = 12;

    /// <summary>
    /// The news item the demo's review workflow publishes once committee1's decision is delivered — after the setup
    /// commits, off the request: a test that counts the news waits for the setup's events first
    /// (<see cref="SiteFactory.SettleEventsAsync"/>), or its count depends on when it runs.
    /// </summary>
    public const string ApprovedNews = "第二党支部召开学生心理健康工作研讨会";
    public const int PublishedExamples = 5;
    public const string Branch1Id = "branch-1";
}
