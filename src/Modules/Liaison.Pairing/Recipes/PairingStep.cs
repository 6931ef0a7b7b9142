using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.ContentParts;
using Liaison.Organization.Contracts;
using Liaison.Pairing.Services;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Pairing.Recipes;

/// <summary>
/// {"name":"Pairing","Term":"2026-2027-1","Confirm":true,"Branches":["branch-1"]}: runs the same pairing as the
/// admin page for each branch (omitted: every 党支部) and term (omitted: the current one), and confirms it when
/// asked. Idempotent: confirmed pairs are kept, so a second run proposes only for persons still without a partner.
/// </summary>
internal sealed class PairingStep(
    PairingService pairing, IRosterQueries roster, ISchoolClock clock, IStringLocalizer<PairingStep> S) : IRecipeStepHandler
{
    public string Name => "Pairing";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var step = context.Step;
        var termText = step.GetString("Term");
        var term = clock.Term.Key;
        if (!string.IsNullOrWhiteSpace(termText) && !SchoolTerm.TryParse(termText, out term, out _, out _))
        {
            throw new RecipeException(S["Pairing: \"Term\" '{0}' is not a school term such as 2026-2027-1.", termText]);
        }

        var confirm = step.GetProperty("Confirm") switch
        {
            null => false,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            var other => throw new RecipeException(S["Pairing: \"Confirm\" must be true or false, not {0}.", other.ToJsonString()]),
        };

        var known = await roster.Organizations().Where(o => o.IsBranch)
            .Select(o => o.Id).Distinct().OrderBy(id => id).ToListAsync();
        var branches = step.GetProperty("Branches") is null
            ? known
            : [.. step.GetArray("Branches").Select(b => b?.ToString() ?? "")];
        if (branches.FirstOrDefault(b => !known.Contains(b)) is { } unknown)
        {
            throw new RecipeException(S["Pairing: \"{0}\" is not a published Party branch.", unknown]);
        }

        var user = context.GetParameter("AdminUsername") ?? "recipe";
        foreach (var branch in branches)
        {
            await pairing.GenerateAsync(branch, term, user);
            if (confirm)
            {
                await pairing.ConfirmAsync(branch, term, user);
            }
        }
    }
}
