using System.Xml.Linq;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Publicity;

public sealed class SitemapTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace s_ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sitemap_ListsListPagesAndPublishedPublicItems_NotDraftsOrSecurableItems()
    {
        await PublicityTestContent.CreateSecurableItemAsync(site, "minutes/branch1-march", "第一党支部三月支委会纪要");
        await ItemTitles.DraftAsync(site, "example-02", "草稿里的新标题");
        // The item is published at its path: only the sitemap leaves it out.
        Assert.Equal("minutes/branch1-march", await PublishedPathAsync("minutes-1"));

        var response = await site.CreateClient().GetAsync("/sitemap.xml", Cancel);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var urls = sitemap.Root!.Elements(s_ns + "url").ToList();
        var locations = urls.Select(u => u.Element(s_ns + "loc")!.Value).ToList();

        Assert.Equal(s_ns + "urlset", sitemap.Root.Name);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        foreach (var page in new[] { "/", "/examples", "/news", "/members/exemplary", "/notices" })
        {
            Assert.Contains("http://localhost" + page, locations);
        }

        Assert.Contains("http://localhost/typical-examples/a-heart-to-heart-talk", locations);
        Assert.Contains("http://localhost/typical-examples/pairing-in-maths", locations); // its draft does not hide it
        Assert.Contains("http://localhost/branch-news/branch3-sports-day", locations);
        Assert.Contains("http://localhost/members/li-jing", locations);
        Assert.Contains("http://localhost/about", locations);
        Assert.DoesNotContain("http://localhost/typical-examples/summer-maintenance", locations);
        Assert.DoesNotContain(locations, l => l.Contains("minutes", StringComparison.Ordinal));
        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.All(urls, u => Assert.True(DateTime.TryParse(u.Element(s_ns + "lastmod")?.Value, out _)));
    }

    [Fact]
    public async Task RobotsTxt_PointsToTheSitemapAndKeepsCrawlersOutOfAdminApiAndLogin()
    {
        var response = await site.CreateClient().GetAsync("/robots.txt", Cancel);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split('\n');

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /api", lines);
        Assert.Contains("Disallow: /login", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    private async Task<string?> PublishedPathAsync(string contentItemId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<AutorouteIndex>()
            .Where(r => r.ContentItemId == contentItemId && r.Published).Select(r => r.Path).FirstOrDefaultAsync(Cancel);
    }
}
