using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Mvc;

namespace Liaison.Contents.Admin;

/// <summary>The list's query string: filters, sort and page.</summary>
public sealed class ContentListFilter
{
    public string? Type { get; set; }

    /// <summary>"all", "draft" or "published" (of the latest version).</summary>
    public string? Status { get; set; }

    public string? Owner { get; set; }

    /// <summary>Text the display text contains.</summary>
    public string? Q { get; set; }

    /// <summary>"modified-desc" (default) or "modified-asc".</summary>
    public string? Sort { get; set; }

    public int? Page { get; set; }

    public int? PageSize { get; set; }
}

public sealed record ContentListViewModel(
    ContentListFilter Filter,
    IReadOnlyList<ContentItem> Items,
    Pager Pager,
    IReadOnlyList<ContentTypeDefinition> Types,
    IReadOnlyList<ContentTypeDefinition> CreatableTypes,
    IReadOnlyDictionary<string, Data.ContentSchedule>? Schedules = null)
{
    /// <summary>What the viewer may do to each listed item, decided by the same checks as the actions' endpoints.</summary>
    public IReadOnlyDictionary<string, ContentItemPermissions> Allowed { get; init; } = new Dictionary<string, ContentItemPermissions>();

    /// <summary>People's names by login name (the items' owners).</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    public string NameOf(string? login) => login is null ? "" : Names.GetValueOrDefault(login, login);

    public ContentItemPermissions AllowedFor(string contentItemId)
        => Allowed.TryGetValue(contentItemId, out var allowed) ? allowed : default;

    /// <summary>The item's scheduled publication or withdrawal, if any.</summary>
    public Data.ContentSchedule? ScheduleOf(string contentItemId) => Schedules?.GetValueOrDefault(contentItemId);

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Name == type) is { DisplayName.Length: > 0 } t ? t.DisplayName : type;
}

public sealed record ContentEditorViewModel(
    ContentItem Item,
    ContentTypeDefinition Type,
    IReadOnlyList<DisplayResult> Editors,
    bool IsNew,
    string? ConcurrencyStamp,
    bool CanPublish,
    bool CanDelete,
    bool CanPreview,
    IReadOnlyList<ContentItemAction> Actions,
    IReadOnlyList<DisplayResult>? Panels = null)
{
    public string TypeName => string.IsNullOrEmpty(Type.DisplayName) ? Type.Name : Type.DisplayName;
}

/// <summary>The versions the caller may see; <see cref="Draftable"/> says whether a restore makes a draft or publishes.</summary>
public sealed record ContentVersionsViewModel(ContentItem Latest, IReadOnlyList<ContentItem> Versions, bool Draftable)
{
    /// <summary>People's names by login name (the versions' authors); a login without a name shows as itself.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    public string NameOf(string? login) => login is null ? "" : Names.GetValueOrDefault(login, login);
}

public sealed record ContentPreviewViewModel(ContentItem Item, IReadOnlyList<DisplayResult> Display);

/// <summary>The operations a viewer may take on one listed item (edit and history need Edit, publish/unpublish Publish).</summary>
public readonly record struct ContentItemPermissions(bool Edit, bool Publish, bool Delete);
