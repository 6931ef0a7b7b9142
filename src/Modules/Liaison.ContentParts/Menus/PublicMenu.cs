using System.Text.Json.Nodes;
using Liaison.ContentParts.Alias;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.Recipes;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.ContentParts.Menus;

public sealed record PublicMenuLink(string Text, string Href);

/// <summary>
/// Orchard's main menu in the public navigation: the published Menu with the alias <c>main-menu</c>, its
/// <c>MenuItemsListPart.MenuItems</c> in order. A LinkMenuItem's URL is resolved (<c>~/about</c> → <c>/about</c>) and
/// kept only with a safe scheme; a ContentMenuItem links to its item's public address, and is left out when the item
/// is not public. The theme shows these after the site's own items.
/// </summary>
public sealed class PublicMenuViewComponent(IContentAliases aliases, IContentRouting routing) : ViewComponent
{
    public const string MainMenuAlias = "main-menu";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var menu = await aliases.FindPublishedAsync(MainMenuAlias);
        var items = menu?.Content["MenuItemsListPart"]?["MenuItems"] as JsonArray ?? [];
        var contentIds = items.OfType<JsonObject>()
            .Select(i => (i["ContentMenuItemPart"]?["SelectedContentItem"]?["ContentItemIds"] as JsonArray)?.FirstOrDefault()?.ToString())
            .OfType<string>()
            .ToList();
        var paths = contentIds.Count == 0 ? new Dictionary<string, string>() : await routing.GetPathsAsync(contentIds);
        var links = new List<PublicMenuLink>();
        foreach (var item in items.OfType<JsonObject>())
        {
            if (Link(item, paths) is { } link)
            {
                links.Add(link);
            }
        }

        return View(links);
    }

    private static PublicMenuLink? Link(JsonObject item, IReadOnlyDictionary<string, string> paths)
    {
        if (item["LinkMenuItemPart"] is JsonObject linkPart)
        {
            var name = linkPart.GetString("Name");
            var href = MenuUrls.Resolve(linkPart.GetString("Url"));
            return string.IsNullOrWhiteSpace(name) || href is null ? null : new PublicMenuLink(name, href);
        }

        if (item["ContentMenuItemPart"] is JsonObject contentPart)
        {
            var name = contentPart.GetString("Name") ?? item.GetString("DisplayText");
            var id = (contentPart["SelectedContentItem"]?["ContentItemIds"] as JsonArray)?.FirstOrDefault()?.ToString();
            return string.IsNullOrWhiteSpace(name) || id is null || !paths.TryGetValue(id, out var path) ? null : new PublicMenuLink(name, path);
        }

        return null;
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
