using System.Text.Json.Nodes;
using Liaison.Outreach.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Outreach.Opinions;

/// <summary>
/// <c>{"name": "Opinions", "Opinions": [{"Subject", "Text", "Anonymous", "Name", "RightsComplaint", "Reply", "Code",
/// "DaysAgo"}]}</c>: opinion-box entries for a demo. <c>Code</c> (32 characters of the code alphabet) is stored hashed
/// like any other; without it the entry gets a random code nobody knows. An entry with the same subject and text is
/// skipped, so the step can run again.
/// </summary>
internal sealed class OpinionsStep(LiaisonDbContext db, ISchoolClock clock) : IRecipeStepHandler
{
    public string Name => "Opinions";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var index = 0;
        foreach (var node in (context.Step.GetProperty("Opinions") as JsonArray ?? []).OfType<JsonObject>())
        {
            index++;
            var subject = node.GetString("Subject")?.Trim() ?? "";
            var text = node.GetString("Text")?.Trim() ?? "";
            if (subject.Length is 0 or > Opinion.MaxSubjectLength || text.Length is < Opinion.MinTextLength or > Opinion.MaxTextLength)
            {
                throw new RecipeException($"Opinions, entry {index}: a subject (at most {Opinion.MaxSubjectLength} characters) and a text of {Opinion.MinTextLength} to {Opinion.MaxTextLength} characters are needed.");
            }

            if (await db.Set<Opinion>().AnyAsync(o => o.Subject == subject && o.Text == text))
            {
                continue;
            }

            var code = node.GetString("Code")?.Trim().ToLowerInvariant();
            if (code is not null && (code.Length != 32 || code.Any(c => !OpinionService.CodeAlphabet.Contains(c))))
            {
                throw new RecipeException($"Opinions, entry {index}: a code has 32 characters of '{OpinionService.CodeAlphabet}'.");
            }

            var anonymous = node.GetProperty("Anonymous")?.ToString() is not ("false" or "False");
            var days = int.TryParse(node.GetProperty("DaysAgo")?.ToString(), out var d) ? d : 0;
            var created = clock.UtcNow.AddDays(-days);
            var reply = node.GetString("Reply");
            db.Add(new Opinion
            {
                CreatedUtc = created, Anonymous = anonymous, Name = anonymous ? null : node.GetString("Name"), Subject = subject, Text = text,
                RightsComplaint = node.GetProperty("RightsComplaint")?.ToString() is "true" or "True",
                CodeHash = OpinionService.Hash(code ?? OpinionService.NewCode()),
                Status = reply is null ? OpinionStatus.Open : OpinionStatus.Answered,
                Reply = reply, RepliedBy = reply is null ? null : "committee1", RepliedUtc = reply is null ? null : created.AddDays(1),
            });
        }

        await db.SaveChangesAsync();
    }
}
