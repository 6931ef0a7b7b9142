using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;

namespace Liaison.ContentParts.Autoroute;

/// <summary>The item's public address, without the leading slash: <c>examples/开展谈心活动</c>.</summary>
public sealed class AutoroutePart : ContentPart
{
    public string? Path { get; set; }
}

public sealed class AutoroutePartSettings
{
    public const string DefaultPattern = "{{ ContentItem.DisplayText | slugify }}";

    /// <summary>Editors may type the path; otherwise it is always generated from <see cref="Pattern"/>.</summary>
    public bool AllowCustomPath { get; set; }

    /// <summary>Liquid, e.g. <c>examples/{{ ContentItem.DisplayText | slugify }}</c>.</summary>
    public string? Pattern { get; set; }

    /// <summary>Orchard's option to offer "set as home page" on the item; kept as imported.</summary>
    public bool ShowHomepageOption { get; set; }
}

/// <summary>One row per latest or published version that has a path; public pages are found by path here.</summary>
public sealed class AutorouteIndex : MapIndex
{
    public string ContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string Path { get; set; } = "";

    public bool Published { get; set; }

    public bool Latest { get; set; }
}

internal sealed class AutorouteIndexProvider : IndexProvider<AutorouteIndex>
{
    public override IEnumerable<AutorouteIndex> Map(ContentItem item)
    {
        var path = item.As<AutoroutePart>().Path;
        if ((item.Latest || item.Published) && !string.IsNullOrEmpty(path))
        {
            yield return new AutorouteIndex
            {
                ContentItemId = item.ContentItemId,
                ContentType = item.ContentType,
                Path = path,
                Published = item.Published,
                Latest = item.Latest,
            };
        }
    }
}

public static class AutorouteContentItemExtensions
{
    /// <summary>The item's URL ("/examples/…"), or null when it has no path. Whether it is served depends on its type and status.</summary>
    public static string? GetUrlPath(this ContentItem item)
        => item.Get<AutoroutePart>(nameof(AutoroutePart))?.Path is { Length: > 0 } path ? "/" + path : null;
}
