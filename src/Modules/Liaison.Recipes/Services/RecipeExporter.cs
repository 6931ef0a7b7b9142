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
    IContentDefinitionManager definitions, LiaisonDbContext db, IEnumerable<IContentExportFilter> filters, TimeProvider clock)
{
    public async Task<JsonObject> ExportAsync(RecipeExportRequest request, CancellationToken cancellationToken = default)
    {
        var steps = new JsonArray();
        var types = (await definitions.ListTypesAsync())
            .Where(t => request.DefinitionTypes.Contains(t.Name, StringComparer.OrdinalIgnoreCase))
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
            var chosen = request.ContentTypes.ToList();
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
