using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Liaison.Search.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Search;

/// <summary>Helpers for search tests: test types, items written through the content manager, bounded polling.</summary>
internal static class SearchSite
{
    public const string PublicType = "SearchStory";
    public const string PrivateType = "SearchSecret";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Defines a public routable type and a Securable one the public may not read (idempotent).</summary>
    public static async Task DefineTypesAsync(SiteFactory site)
    {
        await AnonymousGrants.MakeSecurableTypesPrivateAsync(site);
        await DefineTypeAsync(site, PublicType, securable: false);
        await DefineTypeAsync(site, PrivateType, securable: true);
    }

    /// <summary>
    /// Stores a routable type with a title and an HTML body; Securable makes it private on a site where Anonymous does
    /// not hold Contents.ViewSecurable (<see cref="AnonymousGrants"/>).
    /// </summary>
    public static async Task DefineTypeAsync(SiteFactory site, string name, bool securable)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        var type = new ContentTypeDefinition
        {
            Name = name,
            DisplayName = name,
            Parts =
            [
                new() { Name = "TitlePart", PartName = "TitlePart" },
                new() { Name = "AutoroutePart", PartName = "AutoroutePart" },
                new() { Name = "HtmlBodyPart", PartName = "HtmlBodyPart" },
            ],
        };
        type.Settings.SetSettings(new ContentTypeSettings { Creatable = true, Listable = true, Draftable = true, Versionable = true, Securable = securable });
        await definitions.StoreTypeAsync(type);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Cancel);
    }

    /// <summary>
    /// Creates an item (published or draft) and commits it; returns its ContentItemId. <paramref name="taskId"/> gives
    /// its indexing task that id, as if its transaction had taken the id long before committing.
    /// </summary>
    public static async Task<string> CreateAsync(
        SiteFactory site, string type, string title, string html, bool publish, string owner = "editor1", long? taskId = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync(type);
        item.Owner = owner;
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["AutoroutePart"] = new JsonObject { ["Path"] = "search-tests/" + Guid.NewGuid().ToString("N")[..12] };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = html };
        await contents.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft);
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        foreach (var task in db.ChangeTracker.Entries<IndexingTask>().Where(_ => taskId is not null))
        {
            task.Entity.Id = taskId!.Value;
        }

        await db.SaveChangesAsync(Cancel);
        return item.ContentItemId;
    }

    public static async Task UnpublishAsync(SiteFactory site, string contentItemId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.GetAsync(contentItemId, VersionOptions.Published);
        await contents.UnpublishAsync(item!);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Cancel);
    }

    public static async Task<long> LastTaskIdAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<IndexingTask>().MaxAsync(t => t.Id, Cancel);
    }

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>The text of the result titles on a search page.</summary>
    public static List<string> Titles(IDocument page)
        => [.. page.QuerySelectorAll("main .tb-card__title, .list-group-item > a").Select(e => e.TextContent.Trim())];

    /// <summary>
    /// Reloads the page until <paramref name="done"/> holds (the indexer runs in the background) and returns the last
    /// page either way; the caller asserts on it, so a slow indexer fails the test with the page's content.
    /// </summary>
    public static async Task<IDocument> PollAsync(HttpClient client, string url, Func<IDocument, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await GetAsync(client, url);
            if (done(page) || DateTime.UtcNow > deadline)
            {
                return page;
            }

            await Task.Delay(200, Cancel);
        }
    }
}
