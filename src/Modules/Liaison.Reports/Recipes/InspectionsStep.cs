using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Organization.Contracts;
using Liaison.Reports.Data;
using Liaison.Reports.Inspections;
using Liaison.Reports.Parts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Recipes;

/// <summary>
/// <c>{"name": "Inspections", "Inspections": [{"Branch": "branch-1", "HalfYear": "2026-H1", "Findings": "…",
/// "Items": ["…"], "DueDate": "2026-12-31", "SavedBy": "secretary1"}]}</c>: saves a branch's half-yearly inspection as
/// a secretary would, its figures computed from the records at that moment. A branch and half-year already saved is
/// skipped; an unknown branch or a malformed half-year stops the recipe.
/// </summary>
internal sealed class InspectionsStep(InspectionService inspections, IRosterQueries roster, LiaisonDbContext db, ISchoolClock clock) : IRecipeStepHandler
{
    public string Name => "Inspections";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var list = context.Step.GetProperty("Inspections") as JsonArray ?? [];
        var index = 0;
        foreach (var node in list.OfType<JsonObject>())
        {
            index++;
            var branchId = node.GetString("Branch") ?? "";
            var branch = await roster.Organizations().Where(o => o.Id == branchId && o.IsBranch).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync()
                ?? throw new RecipeException($"Inspections, inspection {index}: there is no branch '{branchId}'.");
            var half = Quarters.ParseHalfYear(node.GetString("HalfYear"))
                ?? throw new RecipeException($"Inspections, inspection {index}: 'HalfYear' must be such as 2026-H1.");
            if (await db.Set<Inspection>().AnyAsync(i => i.BranchId == branch.Id && i.HalfYear == half.Key))
            {
                continue;
            }

            DateOnly? due = DateOnly.TryParse(node.GetString("DueDate"), CultureInfo.InvariantCulture, out var d) ? d : null;
            var items = (node.GetProperty("Items") as JsonArray ?? []).Select(i => i?.ToString().Trim() ?? "").Where(i => i.Length > 0)
                .Select(i => new RectificationItem { BranchId = branch.Id, Text = i.Length > RectificationItem.MaxTextLength ? i[..RectificationItem.MaxTextLength] : i, DueDate = due })
                .ToList();
            var sheet = await inspections.ComputeAsync(branch.Id, branch.Name, half, context.CancellationToken);
            db.Add(new Inspection
            {
                BranchId = branch.Id,
                HalfYear = half.Key,
                Snapshot = JsonSerializer.Serialize(sheet, InspectionsAdminController.SnapshotOptions),
                Findings = node.GetString("Findings"),
                SavedBy = node.GetString("SavedBy") ?? "recipe",
                SavedUtc = clock.UtcNow,
                Items = items,
            });
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
