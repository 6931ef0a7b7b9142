using System.Text.Json.Nodes;
using Liaison.ContentParts.Alias;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Recipes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.ContentParts.Menus;

/// <summary>A menu entry: its link (null for a heading whose own link is not usable) and the entries nested under it.</summary>
public sealed record PublicMenuLink(string Text, string? Href, IReadOnlyList<PublicMenuLink> Children)
{
    public PublicMenuLink(string text, string href) : this(text, href, [])
    {
    }
}

/// <summary>
/// Orchard's main menu in the public navigation: the published Menu with the alias <c>main-menu</c>, its
/// <c>MenuItemsListPart.MenuItems</c> in order, and the items nested in a menu item's own MenuItemsListPart (up to
/// <see cref="MaxDepth"/> levels). A LinkMenuItem's URL is resolved (<c>~/about</c> → <c>/about</c>) and kept only with
/// a safe scheme; a ContentMenuItem links to its item's public address, and is left out when the item is not public.
/// An entry whose own link is left out stays as a heading while entries under it are shown. The theme shows these
/// after the site's own items. The links are the same for every visitor and kept as a fragment (<see cref="PublicFragments"/>):
/// a page reads the menu from the database once per change of public content, not once per request.
/// </summary>
public sealed class PublicMenuViewComponent(PublicFragments fragments) : ViewComponent
{
    public const string MainMenuAlias = "main-menu";

    /// <summary>Levels of nesting shown (a menu is data from a recipe: its depth is bounded).</summary>
    public const int MaxDepth = 3;

    public async Task<IViewComponentResult> InvokeAsync()
        => View(await fragments.GetOrRenderAsync("menu|" + MainMenuAlias, LoadAsync));

    private async Task<Rendered<IReadOnlyList<PublicMenuLink>>> LoadAsync()
    {
        // Resolved here, not in the constructor: a page whose menu is kept constructs no unit of work (no DbContext).
        var aliases = HttpContext.RequestServices.GetRequiredService<IContentAliases>();
        var routing = HttpContext.RequestServices.GetRequiredService<IContentRouting>();
        var menu = await aliases.FindPublishedAsync(MainMenuAlias);
        var items = MenuItems(menu?.Content);
        var contentIds = new List<string>();
        CollectContentIds(items, 1, contentIds);
        var paths = contentIds.Count == 0 ? new Dictionary<string, string>() : await routing.GetPathsAsync(contentIds);
        var links = Links(items, paths, 1);
        return new(links, 64 + 128 * Count(links));
    }

    private static int Count(IReadOnlyList<PublicMenuLink> links) => links.Sum(l => 1 + Count(l.Children));

    private static JsonArray MenuItems(JsonNode? holder) => holder?["MenuItemsListPart"]?["MenuItems"] as JsonArray ?? [];

    private static string? SelectedId(JsonObject item)
        => (item["ContentMenuItemPart"]?["SelectedContentItem"]?["ContentItemIds"] as JsonArray)?.FirstOrDefault()?.ToString();

    private static void CollectContentIds(JsonArray items, int depth, List<string> ids)
    {
        foreach (var item in items.OfType<JsonObject>())
        {
            if (SelectedId(item) is { } id)
            {
                ids.Add(id);
            }

            if (depth < MaxDepth)
            {
                CollectContentIds(MenuItems(item), depth + 1, ids);
            }
        }
    }

    private static List<PublicMenuLink> Links(JsonArray items, IReadOnlyDictionary<string, string> paths, int depth)
    {
        var links = new List<PublicMenuLink>();
        foreach (var item in items.OfType<JsonObject>())
        {
            var children = depth < MaxDepth ? Links(MenuItems(item), paths, depth + 1) : [];
            var (name, href) = Link(item, paths);
            if (!string.IsNullOrWhiteSpace(name) && (href is not null || children.Count > 0))
            {
                links.Add(new PublicMenuLink(name, href, children));
            }
        }

        return links;
    }

    private static (string? Name, string? Href) Link(JsonObject item, IReadOnlyDictionary<string, string> paths)
    {
        if (item["LinkMenuItemPart"] is JsonObject linkPart)
        {
            return (linkPart.GetString("Name"), MenuUrls.Resolve(linkPart.GetString("Url")));
        }

        if (item["ContentMenuItemPart"] is JsonObject contentPart)
        {
            var name = contentPart.GetString("Name") ?? item.GetString("DisplayText");
            return (name, SelectedId(item) is { } id && paths.TryGetValue(id, out var path) ? path : null);
        }

        return (null, null);
    }
}

/// <summary>Menu URLs as Orchard writes them, made safe for an href.</summary>
public static class MenuUrls
{
    private static readonly string[] s_schemes = ["http", "https", "mailto", "tel"];

    /// <summary>
    /// <c>~/x</c> → <c>/x</c>; a site-relative path, a fragment or an absolute http(s)/mailto/tel URL as it is; anything
    /// else (javascript:, data:, a protocol-relative //host) → null.
    /// </summary>
    public static string? Resolve(string? url)
    {
        var text = url?.Trim();
        if (string.IsNullOrEmpty(text) || text.Any(char.IsControl))
        {
            return null;
        }

        if (text.StartsWith('~'))
        {
            text = text[1..];
            if (!text.StartsWith('/'))
            {
                text = "/" + text;
            }
        }

        if (text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("/\\", StringComparison.Ordinal))
        {
            return null;
        }

        if (text.StartsWith('/') || text.StartsWith('#'))
        {
            return text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var absolute) && s_schemes.Contains(absolute.Scheme, StringComparer.OrdinalIgnoreCase)
            ? absolute.OriginalString
            : null;
    }
}
