using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;

namespace Liaison.ContentParts.Lists;

/// <summary>Orchard's ListPart: the item (a blog) is a list of the items whose <see cref="ContainedPart"/> names it.</summary>
public sealed class ListPart : ContentPart
{
}

/// <summary>The type's ListPart settings, as Orchard writes them.</summary>
public sealed class ListPartSettings
{
    public const int DefaultPageSize = 10;

    public const int MaxPageSize = 100;

    public int PageSize { get; set; } = DefaultPageSize;

    public List<string> ContainedContentTypes { get; set; } = [];

    /// <summary>The page size a visitor gets: Orchard's default for 0 or less, at most <see cref="MaxPageSize"/>.</summary>
    public int EffectivePageSize => PageSize <= 0 ? DefaultPageSize : Math.Min(PageSize, MaxPageSize);
}

/// <summary>Orchard's ContainedPart: the list the item belongs to.</summary>
public sealed class ContainedPart : ContentPart
{
    public string? ListContentItemId { get; set; }

    public int Order { get; set; }
}

/// <summary>One row per latest or published version of a contained item: lists page through this, never the JSON.</summary>
public sealed class ContainedPartIndex : MapIndex
{
    public const int MaxIdLength = 64;

    public string ContentItemId { get; set; } = "";

    public string ListContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public int Order { get; set; }

    /// <summary>When the item was first published, else created: "newest first" sorts on it.</summary>
    public DateTime? SortUtc { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }
}

internal sealed class ContainedPartIndexProvider : IndexProvider<ContainedPartIndex>
{
    public override IEnumerable<ContainedPartIndex> Map(ContentItem item)
    {
        var listId = (item.Content[nameof(ContainedPart)]?["ListContentItemId"] as System.Text.Json.Nodes.JsonValue)?.ToString();
        if ((item.Latest || item.Published) && !string.IsNullOrEmpty(listId) && listId.Length <= ContainedPartIndex.MaxIdLength)
        {
            yield return new ContainedPartIndex
            {
                ContentItemId = item.ContentItemId,
                ListContentItemId = listId,
                ContentType = item.ContentType,
                Order = ReadOrder(item),
                SortUtc = item.PublishedUtc ?? item.CreatedUtc,
                Published = item.Published,
                Latest = item.Latest,
            };
        }
    }

    private static int ReadOrder(ContentItem item)
        => item.Content[nameof(ContainedPart)]?["Order"] is System.Text.Json.Nodes.JsonValue value
            && int.TryParse(value.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var order)
                ? order
                : 0;
}
