using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Infrastructure;

/// <summary>
/// A published item's title changed the two ways the caches' tests need: through the content manager (a publish, which
/// every cache hears of) or in the database behind its back (which no cache hears of, so what a page still shows
/// afterwards came from a cache).
/// </summary>
internal static class ItemTitles
{
    public static async Task PublishAsync(SiteFactory site, string id, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.GetAsync(id, VersionOptions.DraftRequired);
        Assert.NotNull(item);
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        await contents.UpdateAsync(item);
        await contents.PublishAsync(item);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static async Task ChangeBehindTheCachesAsync(SiteFactory site, string id, string title)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var item = await db.ContentItems.SingleAsync(c => c.ContentItemId == id && c.Published, TestContext.Current.CancellationToken);
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.DisplayText = title;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
