using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Search;

/// <summary>Helpers for search tests: test types, items written through the content manager, bounded polling.</summary>
internal static class SearchSite
{
    public const string PublicType = "SearchStory";
    public const string PrivateType = "SearchSecret";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Defines a public routable type and a Securable one (idempotent).</summary>
    public static async Task DefineTypesAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        foreach (var (name, securable) in new[] { (PublicType, false), (PrivateType, true) })
        {
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
        }

        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Cancel);
    }

    /// <summary>Creates an item (published or draft) and commits it; returns its ContentItemId.</summary>
    public static async Task<string> CreateAsync(SiteFactory site, string type, string title, string html, bool publish, string owner = "editor1")
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync(type);
        item.Owner = owner;
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["AutoroutePart"] = new JsonObject { ["Path"] = "search-tests/" + Guid.NewGuid().ToString("N")[..12] };
        item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = html };
        await contents.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Cancel);
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
