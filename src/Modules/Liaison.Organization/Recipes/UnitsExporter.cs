using System.Text.Json.Nodes;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Recipes;

/// <summary>
/// The organization's units (teaching sections, grassroots units and their branch) as a <see cref="RosterStep"/>
/// reads them, after the content that holds the branches. Members and persons are personal data and never go into a
/// recipe: the roster is moved with its spreadsheet upload.
/// </summary>
internal sealed class UnitsExporter(LiaisonDbContext db, IStringLocalizer<UnitsExporter> S) : IRecipeStepExporter
{
    public string Key => "units";

    public string DisplayName => S["Organization units (not the roster of people)"];

    public int Order => 700;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        if (units.Count == 0)
        {
            return [];
        }

        var entries = new JsonArray();
        foreach (var unit in units)
        {
            var entry = new JsonObject { ["Name"] = unit.Name, ["Kind"] = unit.Kind.ToString() };
            if (unit.BranchId is not null)
            {
                entry["Branch"] = unit.BranchId;
            }

            entries.Add(entry);
        }

        context.Notes.Add(S["The roster of members and persons is not in the recipe (personal data): upload it on the roster page of the new site."]);
        return [new JsonObject { ["name"] = "Roster", ["Units"] = entries }];
    }
}
