using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Infrastructure;

/// <summary>
/// A published item's title changed the ways the caches', feed and sitemap tests need: through the content manager (a
/// publish, which every cache hears of, or a draft, which the public must not see) or in the database behind its back
/// (which no cache hears of, so what a page still shows afterwards came from a cache).
/// </summary>
internal static class ItemTitles
{
    /// <summary>Gives a published item a new title and publishes it.</summary>
    public static Task PublishAsync(SiteFactory site, string id, string title) => ChangeAsync(site, id, title, publish: true);

    /// <summary>Gives a published item a draft with another title; the published version stays as it was.</summary>
    public static Task DraftAsync(SiteFactory site, string id, string title) => ChangeAsync(site, id, title, publish: false);

    private static async Task ChangeAsync(SiteFactory site, string id, string title, bool publish)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.GetAsync(id, VersionOptions.DraftRequired);
        Assert.NotNull(item);
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.DisplayText = title;
        await contents.UpdateAsync(item);
        if (publish)
        {
            await contents.PublishAsync(item);
        }

        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static async Task ChangeBehindTheCachesAsync(SiteFactory site, string id, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var item = await db.ContentItems.SingleAsync(c => c.ContentItemId == id && c.Published, TestContext.Current.CancellationToken);
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.DisplayText = title;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
