using System.Security.Claims;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Recipes.Services;

/// <summary>
/// What to export: the definitions of some types, and the items of some types (published or latest versions), for
/// <paramref name="User"/> (the <see cref="IContentExportFilter"/>s decide which items that user may take away).
/// </summary>
internal sealed record RecipeExportRequest(
    IReadOnlyCollection<string> DefinitionTypes, IReadOnlyCollection<string> ContentTypes, bool LatestVersions, ClaimsPrincipal? User = null);

/// <summary>
/// Writes a recipe that recreates the chosen definitions and items on another site: a ContentDefinition step in the
/// nested settings shape and a Content step with the items in <see cref="ContentItemJson"/> shape.
/// </summary>
internal sealed class RecipeExporter(
    IContentDefinitionManager definitions,
    IContentTypeResolver typeResolver,
    IContentVisibility visibility,
    LiaisonDbContext db,
    IEnumerable<IContentExportFilter> filters,
    TimeProvider clock)
{
    /// <summary>
    /// The types among <paramref name="contentTypes"/> whose items may not be exported at all: Securable or scoped
    /// types that no <see cref="IContentExportFilter"/> covers (fail closed: a new private type is refused until its
    /// module writes the filter). Names are resolved first, so "contact" is checked as "Contact".
    /// </summary>
    public async Task<IReadOnlyList<string>> UnfilteredTypesAsync(IEnumerable<string> contentTypes)
    {
        var covered = filters.SelectMany(f => f.ContentTypes).ToHashSet(StringComparer.Ordinal);
        var refused = new List<string>();
        foreach (var name in await typeResolver.ResolveNamesAsync(contentTypes))
        {
            var type = (await typeResolver.ResolveAsync(name))!;
            if ((type.TypeSettings.Securable || visibility.ScopedTypes.Contains(name)) && !covered.Contains(name))
            {
                refused.Add(name);
            }
        }

        return refused;
    }

    public async Task<JsonObject> ExportAsync(RecipeExportRequest request, CancellationToken cancellationToken = default)
    {
        var steps = new JsonArray();
        var definitionTypes = await typeResolver.ResolveNamesAsync(request.DefinitionTypes);
        var types = (await definitions.ListTypesAsync())
            .Where(t => definitionTypes.Contains(t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        if (types.Count > 0)
        {
            var partNames = types.SelectMany(t => t.Parts).Select(p => p.PartName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var parts = (await definitions.ListPartsAsync()).Where(p => partNames.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal);
            steps.Add(new JsonObject
            {
                ["name"] = "ContentDefinition",
                ["ContentTypes"] = new JsonArray([.. types.Select(TypeJson)]),
                ["ContentParts"] = new JsonArray([.. parts.Select(PartJson)]),
            });
        }

        if (request.ContentTypes.Count > 0)
        {
            var refused = await UnfilteredTypesAsync(request.ContentTypes);
            var chosen = (await typeResolver.ResolveNamesAsync(request.ContentTypes)).Except(refused).ToList();
            IReadOnlyList<ContentItem> items = await db.ContentItems.AsNoTracking()
                .Where(c => chosen.Contains(c.ContentType) && (request.LatestVersions ? c.Latest : c.Published))
                .OrderBy(c => c.Id)
                .ToListAsync(cancellationToken);
            foreach (var filter in filters)
            {
                items = await filter.FilterAsync(request.User, items, cancellationToken);
            }

            steps.Add(new JsonObject
            {
                ["name"] = "Content",
                ["data"] = new JsonArray([.. items.Select(ContentItemJson.ToJson)]),
            });
        }

        return new JsonObject
        {
            ["name"] = "liaison-export",
            ["displayName"] = "LiaisonSite export",
            ["description"] = $"Exported {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC",
            ["steps"] = steps,
        };
    }

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
