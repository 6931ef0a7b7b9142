using System.Security.Claims;
using System.Text.Json.Nodes;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// Writes the recipe steps that recreate one kind of site data in an export (roles, site settings, media files, the
/// organization's units …), in the shape its module's <see cref="IRecipeStepHandler"/> reads back. The recipes module
/// puts together the content definitions and items and asks every exporter for its part, so a module's data travels
/// without the recipes module knowing it.
/// </summary>
public interface IRecipeStepExporter
{
    /// <summary>A stable key, used by the export page and by <c>recipe export --include</c> ("roles", "settings", "media").</summary>
    string Key { get; }

    /// <summary>What the export page calls it, in the current culture.</summary>
    string DisplayName { get; }

    /// <summary>
    /// Where its steps go: a step runs after the ones it depends on. Content definitions are at 100 and content
    /// items at 600; roles 200, settings 300, media 400 (items refer to media), organization units 700 (they refer to branches, which are items).
    /// </summary>
    int Order { get; }

    /// <summary>The steps, or none when there is nothing to export. A module never exports personal data here.</summary>
    Task<IReadOnlyList<JsonObject>> ExportAsync(RecipeExportContext context, CancellationToken cancellationToken);
}

/// <summary>What is being exported, by whom, and where an exporter notes what it left out.</summary>
public sealed class RecipeExportContext(ClaimsPrincipal? user, IReadOnlyList<JsonObject> items)
{
    /// <summary>The person exporting (null from the command line, run by the server's operator).</summary>
    public ClaimsPrincipal? User { get; } = user;

    /// <summary>The content items in the export, in recipe JSON shape (a media exporter may keep only what they use).</summary>
    public IReadOnlyList<JsonObject> Items { get; } = items;

    /// <summary>Set when only the items' own media should travel (an export of chosen types), not the whole library.</summary>
    public bool OnlyReferencedMedia { get; init; }

    /// <summary>Notes for the person exporting: what was left out and why.</summary>
    public List<string> Notes { get; } = [];
}
