using System.Text.RegularExpressions;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Alias;

/// <summary>Orchard's AliasPart: a stable name for an item (<c>main-menu</c>) that code and themes find it by.</summary>
public sealed class AliasPart : ContentPart
{
    public const int MaxLength = 64;

    public string? Alias { get; set; }
}

/// <summary>One row per latest or published version with an alias; an alias belongs to one item.</summary>
public sealed class AliasPartIndex : MapIndex
{
    public string ContentItemId { get; set; } = "";

    public string Alias { get; set; } = "";

    public bool Published { get; set; }

    public bool Latest { get; set; }
}

/// <summary>Finds items by their alias.</summary>
public interface IContentAliases
{
    /// <summary>The published item with this alias (any case), or null.</summary>
    Task<ContentItem?> FindPublishedAsync(string alias);
}

internal sealed class AliasPartIndexProvider : IndexProvider<AliasPartIndex>
{
    public override IEnumerable<AliasPartIndex> Map(ContentItem item)
    {
        var alias = AliasRules.Normalize(item.Content[nameof(AliasPart)]?["Alias"]?.ToString());
        if ((item.Latest || item.Published) && alias is { Length: > 0 and <= AliasPart.MaxLength })
        {
            yield return new AliasPartIndex { ContentItemId = item.ContentItemId, Alias = alias, Published = item.Published, Latest = item.Latest };
        }
    }
}

internal static partial class AliasRules
{
    /// <summary>Trimmed and lower case (Orchard compares aliases without case); null when empty.</summary>
    public static string? Normalize(string? alias) => string.IsNullOrWhiteSpace(alias) ? null : alias.Trim().ToLowerInvariant();

    public static bool IsWellFormed(string alias) => alias.Length <= AliasPart.MaxLength && Shape().IsMatch(alias);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_\-.]*$")]
    private static partial Regex Shape();
}

/// <summary>Stores the alias normalized and refuses a malformed one or one another item holds (staged items counted).</summary>
internal sealed class AliasPartHandler(LiaisonDbContext db, IStringLocalizer<AliasPartHandler> S) : IContentHandler
{
    private const string Key = "AliasPart.Alias";

    public Task UpdatingAsync(ContentContext context)
    {
        if (context.ContentItem.Has<AliasPart>())
        {
            var part = context.ContentItem.As<AliasPart>();
            part.Alias = AliasRules.Normalize(part.Alias);
            context.ContentItem.Apply(part);
        }

        return Task.CompletedTask;
    }

    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        if (AliasRules.Normalize(item.Has<AliasPart>() ? item.As<AliasPart>().Alias : null) is not { } alias)
        {
            return;
        }

        if (!AliasRules.IsWellFormed(alias))
        {
            context.Errors.Add(new(S["The alias is not valid: at most {0} letters, digits, '-', '_' or '.'.", AliasPart.MaxLength], Key));
            return;
        }

        var staged = db.ChangeTracker.EntriesAsTracked<ContentItem>()
            .Where(e => e.State != EntityState.Deleted && e.Entity.ContentItemId != item.ContentItemId && (e.Entity.Latest || e.Entity.Published))
            .Select(e => e.Entity)
            .ToList();
        var stagedVersionIds = staged.Select(e => e.ContentItemVersionId).ToList();
        var taken = staged.Any(e => AliasRules.Normalize(e.Content[nameof(AliasPart)]?["Alias"]?.ToString()) == alias)
            || await db.Set<AliasPartIndex>().AnyAsync(r => r.Alias == alias && r.ContentItemId != item.ContentItemId
                && (r.Latest || r.Published) && !stagedVersionIds.Contains(r.ContentItemVersionId));
        if (taken)
        {
            context.Errors.Add(new(S["The alias \"{0}\" is already used by another item.", alias], Key));
        }
    }
}

internal sealed class ContentAliases(LiaisonDbContext db) : IContentAliases
{
    public async Task<ContentItem?> FindPublishedAsync(string alias)
    {
        var normalized = AliasRules.Normalize(alias);
        var versionId = await db.Set<AliasPartIndex>().AsNoTracking()
            .Where(r => r.Published && r.Alias == normalized)
            .Select(r => r.ContentItemVersionId)
            .FirstOrDefaultAsync();
        return versionId is null ? null : await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemVersionId == versionId && c.Published);
    }
}

public sealed record AliasPartEditModel(string Prefix, string? Alias);

internal sealed class AliasPartDriver : IContentPartDriver
{
    public string PartName => nameof(AliasPart);

    public DisplayResult? BuildDisplay(PartDisplayContext context) => null;

    public DisplayResult? BuildEditor(PartEditorContext context)
        => new("AliasPart_Edit", new AliasPartEditModel(context.Prefix, context.ContentItem.As<AliasPart>().Alias));

    public Task UpdateEditorAsync(PartUpdateContext context)
    {
        var part = context.ContentItem.As<AliasPart>();
        part.Alias = context.Form[$"{context.Prefix}.Alias"].ToString();
        context.ContentItem.Apply(part);
        return Task.CompletedTask;
    }
}
