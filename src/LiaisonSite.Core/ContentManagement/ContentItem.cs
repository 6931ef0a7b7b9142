using System.Text.Json.Nodes;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// One version of a content item. All versions of an item share <see cref="ContentItemId"/>; at most one is
/// <see cref="Latest"/> and at most one is <see cref="Published"/>. Parts and fields live in <see cref="Content"/>.
/// </summary>
public sealed class ContentItem
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public string ContentItemVersionId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string DisplayText { get; set; } = "";

    public bool Latest { get; set; }

    public bool Published { get; set; }

    /// <summary>User name of the owner (who the item belongs to).</summary>
    public string Owner { get; set; } = "";

    /// <summary>User name of who last changed this version.</summary>
    public string Author { get; set; } = "";

    public DateTime? CreatedUtc { get; set; }

    public DateTime? ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>Changes on every save; a save based on an older stamp is refused.</summary>
    public string ConcurrencyStamp { get; set; } = NewStamp();

    public JsonObject Content { get; set; } = [];

    public static string NewId() => Guid.NewGuid().ToString("N")[..26];

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    /// <summary>A copy of this version's data as a new version (not yet Latest nor Published).</summary>
    public ContentItem CloneAsNewVersion() => new()
    {
        ContentItemId = ContentItemId,
        ContentItemVersionId = NewId(),
        ContentType = ContentType,
        DisplayText = DisplayText,
        Owner = Owner,
        Author = Author,
        CreatedUtc = CreatedUtc,
        ModifiedUtc = ModifiedUtc,
        PublishedUtc = PublishedUtc,
        Content = (JsonObject)Content.DeepClone(),
    };

    public override string ToString() => $"{ContentType} {ContentItemId} ({DisplayText})";
}
