using System.Text.Json.Nodes;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Liaison.ContentParts.Home;

/// <summary>
/// Orchard's <c>"AutoroutePart": {"SetHomepage": true}</c>: publishing such a version makes the item the site's home
/// page (<see cref="SiteSettings.HomeContentItemId"/>), said in the recipe's report when a recipe does it. In a recipe
/// (or work without a request) the flag acts when it is new to the published version (a new item, or a version that
/// sets it where the published one did not), so re-running a recipe or republishing the item does not take "/" back
/// after an administrator gave it to another page. From the editor or the API it acts only for someone who may choose
/// the home page (<see cref="HomepageChoice"/>); the editor writes the flag from its tick box, so it says what they chose.
/// </summary>
internal sealed class SetHomepageHandler(
    PartSettingsReader partSettings, ISiteService site, LiaisonDbContext db, RecipeRun run, HomepageChoice choice,
    ILogger<SetHomepageHandler> logger, IStringLocalizer<SetHomepageHandler> S) : IContentHandler
{
    public const string FlagName = "SetHomepage";

    public async Task PublishingAsync(ContentContext context)
    {
        var item = context.ContentItem;
        if (!SetsHomepage(item.Content) || await partSettings.FindAsync(item.ContentType, nameof(AutoroutePart)) is null)
        {
            return;
        }

        if (run.IsRunning || !choice.ForRequest)
        {
            var published = await db.ContentItems.AsNoTracking()
                .Where(c => c.ContentItemId == item.ContentItemId && c.Published && c.ContentItemVersionId != item.ContentItemVersionId)
                .Select(c => c.Content)
                .FirstOrDefaultAsync();
            if (published is not null && SetsHomepage(published))
            {
                return;
            }
        }
        else if (!await choice.MayChooseAsync())
        {
            // Publishing an item is not choosing the site's home page: the flag stays in the item, unused.
            logger.LogWarning("{ContentType} {ContentItemId} asks to be the home page (SetHomepage), but the user may not choose it; ignored.",
                item.ContentType, item.ContentItemId);
            return;
        }
        else if (await choice.IsHomeAsync(item.ContentItemId))
        {
            return;
        }

        var settings = await site.GetSettingsAsync();
        if (settings.HomeContentItemId != item.ContentItemId)
        {
            settings.HomeContentItemId = item.ContentItemId;
            await site.UpdateSettingsAsync(settings);
        }

        logger.LogInformation("{ContentType} {ContentItemId} ('{DisplayText}') is now the site's home page (SetHomepage).",
            item.ContentType, item.ContentItemId, item.DisplayText);
        run.Note(RecipeNoteKind.Applied, S[
            "{0} '{1}' ({2}): SetHomepage: it is now the site's home page (\"/\"); an administrator can give \"/\" back to the school's home page in the site settings.",
            item.ContentType, item.DisplayText, item.ContentItemId]);
    }

    /// <summary>True when the item's AutoroutePart says <c>"SetHomepage": true</c> (a string "true" too, as Orchard reads it).</summary>
    public static bool SetsHomepage(JsonObject content)
        => content[nameof(AutoroutePart)]?[FlagName] is JsonValue value
            && ((value.TryGetValue<bool>(out var flag) && flag)
                || (value.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed) && parsed));
}
