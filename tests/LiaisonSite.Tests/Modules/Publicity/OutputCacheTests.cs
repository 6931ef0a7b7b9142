using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Publicity;

/// <summary>Own site: these tests change content behind the cache's back.</summary>
public sealed class OutputCacheTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string NewsId = "news-12";

    [Fact]
    public async Task Home_ForAnonymousVisitors_IsServedFromCache_UntilAPublishEvictsIt()
    {
        // The demo's workflows publish items after setup, off the request, and each publish evicts the cache.
        await site.SettleEventsAsync();
        var client = site.CreateClient();
        var first = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains(DemoContent.NewestNews, first);

        // Changed in the database without going through the content manager: no handler runs, nothing is evicted.
        await ItemTitles.ChangeBehindTheCachesAsync(site, NewsId, "直接改库的标题");
        var cached = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var cachedHtml = await cached.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(cached.Headers.Age.HasValue, "The second response should come from the output cache.");
        Assert.Contains(DemoContent.NewestNews, cachedHtml);
        Assert.DoesNotContain("直接改库的标题", cachedHtml);

        await ItemTitles.PublishAsync(site, NewsId, "校运会党员志愿者服务圆满完成");
        var fresh = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var freshHtml = await fresh.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.False(fresh.Headers.Age.HasValue);
        Assert.Contains("校运会党员志愿者服务圆满完成", freshHtml);
    }

    [Fact]
    public async Task Home_ForASignedInUser_IsNotCached()
    {
        var client = await site.SignInAsync("editor1");

        await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var second = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.False(second.Headers.Age.HasValue);
    }

    /// <summary>Issue 15, item 6: the home page's notices block, behind the same cache and evicted by a withdrawal.</summary>
    [Fact]
    public async Task Home_ListsTheNewestPublishedNotices_AndAWithdrawnOneLeavesAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await site.SettleEventsAsync();
        string id, title;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var newest = await db.ContentItems.Where(c => c.ContentType == "PublicNotice" && c.Published)
                .OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id).Select(c => new { c.ContentItemId, c.DisplayText })
                .FirstAsync(ct);
            (id, title) = (newest.ContentItemId, newest.DisplayText);
        }

        var client = site.CreateClient();
        var first = await client.GetStringAsync("/", ct);
        var cached = await client.GetAsync("/", ct);

        Assert.Contains("id=\"notices-title\"", first);
        Assert.Contains(title, first[first.IndexOf("id=\"notices-title\"", StringComparison.Ordinal)..]);
        Assert.Contains("href=\"/notices\"", first);
        Assert.True(cached.Headers.Age.HasValue, "The home page with its notices should come from the output cache.");

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var notice = await contents.GetAsync(id, VersionOptions.Published);
            Assert.NotNull(notice);
            await contents.UnpublishAsync(notice);
            await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(ct);
        }

        var fresh = await client.GetAsync("/", ct);
        var freshHtml = await fresh.Content.ReadAsStringAsync(ct);

        Assert.False(fresh.Headers.Age.HasValue);
        Assert.DoesNotContain(title, freshHtml[freshHtml.IndexOf("id=\"notices-title\"", StringComparison.Ordinal)..]);
    }
}
