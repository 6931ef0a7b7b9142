using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Organization.Contracts;
using Liaison.Talks.Data;
using Liaison.Talks.Obligations;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.Recipes;

/// <summary>
/// <c>{"name": "PersonnelEvents", "Events": [{"PersonKind": "Staff", "PersonNumber": "J001", "Kind": 1,
/// "Date": "2026-11-02", "Note": "…", "MemberNumber": "D102"}]}</c>: records events as a secretary would
/// (MemberNumber optional: without it, the members who contact the person). An event already recorded (same
/// person, kind and date) is skipped; an unknown number or a refused event stops the recipe.
/// </summary>
internal sealed class PersonnelEventsStep(ObligationService obligations, IRosterQueries roster, LiaisonDbContext db) : IRecipeStepHandler
{
    public string Name => "PersonnelEvents";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var events = context.Step.GetProperty("Events") as JsonArray ?? [];
        var index = 0;
        foreach (var node in events.OfType<JsonObject>())
        {
            index++;
            var kind = Enum.TryParse<PersonKind>(node.GetString("PersonKind"), true, out var k) ? k : PersonKind.Student;
            var number = node.GetString("PersonNumber") ?? "";
            var personId = await roster.Persons().Where(p => p.Kind == kind && p.Number == number).Select(p => (int?)p.Id).FirstOrDefaultAsync()
                ?? throw new RecipeException($"PersonnelEvents, event {index}: there is no person with the number '{number}'.");
            int? memberId = null;
            if (node.GetString("MemberNumber") is { Length: > 0 } memberNumber)
            {
                memberId = await roster.Members().Where(m => m.Number == memberNumber).Select(m => (int?)m.Id).FirstOrDefaultAsync()
                    ?? throw new RecipeException($"PersonnelEvents, event {index}: there is no member with the number '{memberNumber}'.");
            }

            var occasion = int.TryParse(node.GetProperty("Kind")?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 0;
            DateOnly? date = DateOnly.TryParse(node.GetString("Date"), CultureInfo.InvariantCulture, out var d) ? d : null;
            if (date is { } on && await db.Set<PersonnelEvent>().AnyAsync(e => e.PersonId == personId && e.Kind == occasion && e.Date == on))
            {
                continue;
            }

            var result = await obligations.RecordAsync(null, new PersonnelEventInput(personId, occasion, date, node.GetString("Note"), memberId), "recipe");
            if (result.Event is null)
            {
                throw new RecipeException($"PersonnelEvents, event {index}: {string.Join(" ", result.Errors.Values)}");
            }

            await db.SaveChangesAsync();
        }
    }
}
