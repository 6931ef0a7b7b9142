using AngleSharp.Dom;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Publicity;

public sealed class SeoMetaTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Home_HasTitleDescriptionCanonicalOpenGraphAndTwitterTags()
    {
        var page = await PublicHtml.GetPageAsync(site.CreateClient(), "/");

        Assert.Contains("测试学校党委", page.Title);
        Assert.False(string.IsNullOrWhiteSpace(Meta(page, "name", "description")));
        Assert.Equal("http://localhost/", page.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("http://localhost/", Meta(page, "property", "og:url"));
        Assert.Equal("website", Meta(page, "property", "og:type"));
        Assert.Equal("测试学校党委", Meta(page, "property", "og:site_name"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(page, "property", "og:title")));
        Assert.False(string.IsNullOrWhiteSpace(Meta(page, "property", "og:description")));
        Assert.Equal("summary", Meta(page, "name", "twitter:card"));
    }

    [Fact]
    public async Task ItemPage_IsAnArticleDescribedByItsSummary()
    {
        var page = await PublicHtml.GetPageAsync(site.CreateClient(), "/typical-examples/a-heart-to-heart-talk");

        Assert.Equal("article", Meta(page, "property", "og:type"));
        Assert.Equal("一次谈心，解开青年教师的心结", Meta(page, "property", "og:title"));
        Assert.StartsWith("入职第二年的一位青年教师", Meta(page, "name", "description"));
        Assert.Equal(Meta(page, "name", "description"), Meta(page, "property", "og:description"));
        Assert.Equal("http://localhost/typical-examples/a-heart-to-heart-talk", page.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ItemPageWithoutSummary_IsDescribedByThePlainTextOfItsBody()
    {
        var page = await PublicHtml.GetPageAsync(site.CreateClient(), "/members/zhou-wen");
        var description = Meta(page, "name", "description");

        Assert.StartsWith("周雯是第一党支部的党员", description);
        Assert.DoesNotContain("<p>", description);
    }

    private static string? Meta(IDocument page, string attribute, string name)
        => page.QuerySelector($"head meta[{attribute}='{name}']")?.GetAttribute("content");
}
