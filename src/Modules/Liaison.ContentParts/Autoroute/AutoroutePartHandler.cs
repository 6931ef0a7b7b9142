using Liaison.ContentParts.Liquid;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Liaison.ContentParts.Autoroute;

/// <summary>Generates paths from the type's pattern, keeps them unique and refuses reserved or malformed ones.</summary>
internal sealed class AutoroutePartHandler(
    PartSettingsReader settings, AutorouteRegistry registry, ContentLiquid liquid, StagedContentLoader loader,
    RecipeRun run, ILogger<AutoroutePartHandler> logger, IStringLocalizer<AutoroutePartHandler> S) : IContentHandler
{
    private const string Key = "AutoroutePart.Path";

    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.ContentItem;
        var typePart = await settings.FindAsync(item.ContentType, nameof(AutoroutePart));
        if (typePart is null)
        {
            return;
        }

        var partSettings = typePart.Settings.GetSettings<AutoroutePartSettings>();
        var part = item.As<AutoroutePart>();
        var path = AutoroutePaths.Normalize(part.Path);
        // Existing paths never change: one the earlier rule (Chinese characters kept) made from the same title stays.
        if (path is null || (!partSettings.AllowCustomPath && !await CameFromEarlierRuleAsync(path, item, partSettings)))
        {
            var generated = await GenerateAsync(item, partSettings);
            path = await registry.MakeUniqueAsync(generated, item.ContentItemId);
            if (!string.Equals(path, generated, StringComparison.Ordinal))
            {
                // Never silently: whoever set the site up (or imported a recipe) can find which item got which address.
                // A path the item brings itself (a recipe's "Path") is not renamed: another item's path is an error.
                logger.LogWarning("{ContentType} {ContentItemId} ('{DisplayText}'): the address '{Generated}' is taken or reserved; it got '{Path}'.",
                    item.ContentType, item.ContentItemId, item.DisplayText, generated, path);
                run.Note(RecipeNoteKind.Warning, S["{0} '{1}' ({2}): the address \"/{3}\" is taken or reserved; the item is served at \"/{4}\".",
                    item.ContentType, item.DisplayText, item.ContentItemId, generated, path]);
            }
        }

        part.Path = path;
        item.Apply(part);
    }

    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        var path = AutoroutePaths.Normalize(item.As<AutoroutePart>().Path);
        if (path is null || await settings.FindAsync(item.ContentType, nameof(AutoroutePart)) is null)
        {
            return;
        }

        if (!AutoroutePaths.IsWellFormed(path))
        {
            context.Errors.Add(new(S["The path is not valid: use letters, digits and dashes, with slashes between the parts."], Key));
        }
        else if (AutoroutePaths.IsReserved(path))
        {
            context.Errors.Add(new(S["The path cannot start with \"{0}\": that address belongs to the site.", path.Split('/')[0]], Key));
        }
        else if (await registry.IsTakenAsync(path, item.ContentItemId))
        {
            context.Errors.Add(new(S["The path \"{0}\" is already used by another item.", path], Key));
        }
    }

    private async Task<string> GenerateAsync(ContentItem item, AutoroutePartSettings partSettings, bool earlierRule = false)
    {
        Func<string?, string> slug = earlierRule ? Slug.CreateEarlier : Slug.Create;
        var pattern = string.IsNullOrWhiteSpace(partSettings.Pattern) ? AutoroutePartSettings.DefaultPattern : partSettings.Pattern;
        var rendered = await liquid.RenderAsync(pattern, item, loader.LatestAsync, earlierRule) ?? "";

        // A pattern without "slugify" may give spaces or punctuation: such segments are slugified.
        var segments = rendered.Split('/')
            .Select(s => s.Trim())
            .Select(s => AutoroutePaths.IsWellFormed(s) ? s : slug(s))
            .Where(s => s.Length > 0)
            .ToList();
        var path = string.Join('/', segments);
        if (path.Length == 0)
        {
            path = slug(item.DisplayText);
        }

        // An item without any title still needs an address.
        return path.Length > 0 ? path : item.ContentItemId;
    }

    /// <summary>
    /// Whether the stored path is what the earlier slug rule generated from the item as it is now — as generated, or
    /// as <see cref="AutorouteRegistry.MakeUniqueAsync"/> moved it ("-2" after a reserved first segment, "-n" at the end).
    /// </summary>
    private async Task<bool> CameFromEarlierRuleAsync(string path, ContentItem item, AutoroutePartSettings partSettings)
    {
        var earlier = await GenerateAsync(item, partSettings, earlierRule: true);
        var slash = earlier.IndexOf('/');
        var moved = slash < 0 ? earlier + "-2" : earlier[..slash] + "-2" + earlier[slash..];
        return path == earlier || path == moved || IsNumbered(path, earlier) || IsNumbered(path, moved);
    }

    private static bool IsNumbered(string path, string stem)
    {
        var dash = path.LastIndexOf('-');
        return dash > 0 && dash < path.Length - 1 && !path.AsSpan(dash + 1).ContainsAnyExceptInRange('0', '9')
            && stem.StartsWith(path[..dash], StringComparison.Ordinal)
            && (dash == stem.Length || path.Length == AutoroutePaths.MaxLength); // a long stem is shortened for its number
    }
}
