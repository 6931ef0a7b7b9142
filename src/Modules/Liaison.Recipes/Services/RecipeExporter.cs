using System.Security.Claims;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Recipes.Services;

/// <summary>
/// What to export: the definitions of some types, and the items of some types (published or latest versions), for
/// <paramref name="User"/> (the <see cref="IContentExportFilter"/>s decide which items that user may take away).
/// The definitions of the exported items' types always go with them. <paramref name="Include"/> names the
/// <see cref="IRecipeStepExporter"/>s whose steps are added (roles, settings, media …).
/// </summary>
internal sealed record RecipeExportRequest(
    IReadOnlyCollection<string> DefinitionTypes, IReadOnlyCollection<string> ContentTypes, bool LatestVersions, ClaimsPrincipal? User = null)
{
    public IReadOnlyCollection<string> Include { get; init; } = [];

    /// <summary>
    /// Both the published version of each item and, where one was started, its newer draft (published first, so the
    /// target site ends with the same published page and the same draft). Overrides <paramref name="LatestVersions"/>.
    /// </summary>
    public bool PublishedAndDrafts { get; init; }
}

/// <summary>The recipe, and what was left out of it (private types, unreadable files …).</summary>
internal sealed record RecipeExportResult(JsonObject Recipe, IReadOnlyList<string> Notes);

/// <summary>
/// Writes a recipe that recreates the chosen definitions and items on another site: a ContentDefinition step in the
/// nested settings shape and a Content step with the items in <see cref="ContentItemJson"/> shape.
/// </summary>
internal sealed class RecipeExporter(
    IContentDefinitionManager definitions,
    IContentTypeResolver typeResolver,
    IContentVisibility visibility,
    IPublicContentTypes publicTypes,
    LiaisonDbContext db,
    IEnumerable<IContentExportFilter> filters,
    IEnumerable<IRecipeStepExporter> stepExporters,
    TimeProvider clock,
    IStringLocalizer<RecipeExporter> S)
{
    /// <summary>How an exported recipe is written: indented, Chinese kept readable.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The steps other modules can add (roles, settings, media …), in recipe order.</summary>
    public IReadOnlyList<IRecipeStepExporter> StepExporters { get; } = [.. stepExporters.OrderBy(e => e.Order).ThenBy(e => e.Key, StringComparer.Ordinal)];

    /// <summary>
    /// Every type whose items can be exported whole or through a filter: what a complete export takes. The private
    /// types no filter covers are left out (and named in the notes).
    /// </summary>
    public async Task<(IReadOnlyList<string> Types, IReadOnlyList<string> Refused)> ExportableTypesAsync()
    {
        var all = (await definitions.ListTypesAsync()).Select(t => t.Name).ToList();
        var refused = await UnfilteredTypesAsync(all);
        return ([.. all.Except(refused)], refused);
    }

    /// <summary>
    /// The types among <paramref name="contentTypes"/> whose items may not be exported at all: scoped types, and
    /// Securable types the public may not read, that no <see cref="IContentExportFilter"/> covers (fail closed: a new
    /// private type is refused until its module writes the filter). Names are resolved first, so "contact" is checked
    /// as "Contact".
    /// </summary>
    public async Task<IReadOnlyList<string>> UnfilteredTypesAsync(IEnumerable<string> contentTypes)
    {
        var covered = filters.SelectMany(f => f.ContentTypes).ToHashSet(StringComparer.Ordinal);
        var refused = new List<string>();
        foreach (var name in await typeResolver.ResolveNamesAsync(contentTypes))
        {
            var type = (await typeResolver.ResolveAsync(name))!;
            var isPrivate = visibility.ScopedTypes.Contains(name) || (type.TypeSettings.Securable && !await publicTypes.IsPublicAsync(type));
            if (isPrivate && !covered.Contains(name))
            {
                refused.Add(name);
            }
        }

        return refused;
    }

    public async Task<RecipeExportResult> ExportAsync(RecipeExportRequest request, CancellationToken cancellationToken = default)
    {
        var notes = new List<string>();
        var refused = await UnfilteredTypesAsync(request.ContentTypes);
        if (refused.Count > 0)
        {
            notes.Add(S["The items of {0} were left out: they are private and no export rule covers them.", string.Join("、", refused)]);
        }

        var chosen = (await typeResolver.ResolveNamesAsync(request.ContentTypes)).Except(refused).ToList();
        var items = new List<JsonObject>();
        if (chosen.Count > 0)
        {
            IReadOnlyList<ContentItem> found = await db.ContentItems.AsNoTracking()
                .Where(c => chosen.Contains(c.ContentType)
                    && (request.PublishedAndDrafts ? c.Published || c.Latest : request.LatestVersions ? c.Latest : c.Published))
                .OrderBy(c => c.Id)
                .ToListAsync(cancellationToken);
            foreach (var filter in filters)
            {
                found = await filter.FilterAsync(request.User, found, cancellationToken);
            }

            items.AddRange(found.Select(ContentItemJson.ToJson));
        }

        // The definitions of what is exported go with it: an item cannot be imported without its type.
        var definitionTypes = (await typeResolver.ResolveNamesAsync(request.DefinitionTypes)).Union(chosen).ToHashSet(StringComparer.Ordinal);
        var steps = new List<(int Order, JsonObject Step)>();
        var types = (await definitions.ListTypesAsync())
            .Where(t => definitionTypes.Contains(t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        if (types.Count > 0)
        {
            var partNames = types.SelectMany(t => t.Parts).Select(p => p.PartName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var parts = (await definitions.ListPartsAsync()).Where(p => partNames.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal);
            steps.Add((100, new JsonObject
            {
                ["name"] = "ContentDefinition",
                ["ContentTypes"] = new JsonArray([.. types.Select(TypeJson)]),
                ["ContentParts"] = new JsonArray([.. parts.Select(PartJson)]),
            }));
        }

        var include = request.Include.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var context = new RecipeExportContext(request.User, items) { OnlyReferencedMedia = !include.Contains(AllMedia) };
        foreach (var exporter in StepExporters.Where(e => include.Contains(e.Key)))
        {
            foreach (var step in await exporter.ExportAsync(context, cancellationToken))
            {
                steps.Add((exporter.Order, step));
            }
        }

        notes.AddRange(context.Notes);
        if (request.ContentTypes.Count > 0)
        {
            steps.Add((600, new JsonObject { ["name"] = "Content", ["data"] = new JsonArray([.. items]) }));
        }

        var recipe = new JsonObject
        {
            ["name"] = "liaison-export",
            ["displayName"] = "LiaisonSite export",
            ["description"] = $"Exported {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC",
            ["issetuprecipe"] = true,
            ["steps"] = new JsonArray([.. steps.OrderBy(s => s.Order).Select(s => (JsonNode)s.Step)]),
        };
        return new RecipeExportResult(recipe, notes);
    }

    /// <summary>An <see cref="RecipeExportRequest.Include"/> key: the whole media library, not only what the items use.</summary>
    public const string AllMedia = "all-media";

    private static JsonObject TypeJson(ContentTypeDefinition type) => new()
    {
        ["Name"] = type.Name,
        ["DisplayName"] = type.DisplayName,
        ["Settings"] = type.Settings.DeepClone(),
        ["ContentTypePartDefinitionRecords"] = new JsonArray([.. type.Parts.Select(p => new JsonObject
        {
            ["PartName"] = p.PartName,
            ["Name"] = p.Name,
            ["Settings"] = p.Settings.DeepClone(),
        })]),
    };

    private static JsonObject PartJson(ContentPartDefinition part) => new()
    {
        ["Name"] = part.Name,
        ["Settings"] = part.Settings.DeepClone(),
        ["ContentPartFieldDefinitionRecords"] = new JsonArray([.. part.Fields.Select(f => new JsonObject
        {
            ["FieldName"] = f.FieldName,
            ["Name"] = f.Name,
            ["Settings"] = f.Settings.DeepClone(),
        })]),
    };
}
