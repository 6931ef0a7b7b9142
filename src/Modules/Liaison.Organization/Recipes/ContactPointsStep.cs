using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Organization.Coverage;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Recipes;

/// <summary>
/// <c>{"name": "ContactPoints", "Cadres": [{"Member": "D001", "Grades": ["高三"], "Subjects": ["语文"],
/// "TeachingSection": "语文教研室", "GrassrootsUnit": "高三年级组"}]}</c>: leading cadres' contact points (R2, R6),
/// checked by the same rules as the member page and replacing the cadre's points, so the step is idempotent.
/// Runs after the Roster step that creates the members and units.
/// </summary>
internal sealed class ContactPointsStep(LiaisonDbContext db, ContactPointService points, IStringLocalizer<ContactPointsStep> S)
    : IRecipeStepHandler
{
    public string Name => "ContactPoints";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Name, u => u.Id);
        foreach (var (entry, index) in context.Step.GetArray("Cadres").Select((e, i) => (e, i + 1)))
        {
            var cadre = entry as JsonObject ?? throw new RecipeException(S["ContactPoints: entry {0} must be an object.", index]);
            var number = cadre.GetString("Member")?.Trim();
            var member = await db.Set<PartyMember>().FirstOrDefaultAsync(m => m.Number == number)
                ?? throw new RecipeException(S["ContactPoints: entry {0}: no member has the number \"{1}\".", index, number ?? ""]);
            var model = new ContactPointsModel
            {
                Grades = Strings(cadre["Grades"]),
                Subjects = string.Join("、", Strings(cadre["Subjects"])),
                TeachingSectionIds = UnitId(units, cadre.GetString("TeachingSection")),
                GrassrootsUnitIds = UnitId(units, cadre.GetString("GrassrootsUnit")),
            };

            var errors = new ModelStateDictionary();
            if (!await points.SaveAsync(member, model, errors))
            {
                var messages = errors.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage);
                throw new RecipeException(S["ContactPoints: {0}: {1}", number!, string.Join(" ", messages)]);
            }
        }

        await db.SaveChangesAsync();
    }

    private static List<string> Strings(JsonNode? node)
        => node is JsonArray array ? [.. array.OfType<JsonValue>().Select(v => v.ToString())] : [];

    // An unknown name posts nothing, which the rules refuse as "choose exactly one".
    private static List<string> UnitId(Dictionary<string, int> units, string? name)
        => name is not null && units.TryGetValue(name.Trim(), out var id) ? [id.ToString(CultureInfo.InvariantCulture)] : [];
}
