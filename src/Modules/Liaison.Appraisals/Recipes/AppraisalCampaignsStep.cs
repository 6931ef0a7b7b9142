using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Appraisals.Campaigns;
using Liaison.Appraisals.Data;
using Liaison.Appraisals.Results;
using Liaison.Appraisals.Voting;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Localization;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Appraisals.Recipes;

/// <summary>
/// <c>{"name": "AppraisalCampaigns", "Campaigns": [{"Branch": "branch-1", "Year": 2025, "Title": "…",
/// "Opens": "2026-01-05T08:00:00+08:00", "Closes": "…", "Members": ["D102"], "MemberVoters": ["D104"],
/// "PersonVoters": [{"Kind": "Staff", "Number": "J001"}] or ["J001"], "SelfAssessments": {"D102": "…"},
/// "Ballots": [{"Day": "2026-01-06", "Ratings": {"D102": "优秀"}, "Comments": {"D102": "…"}}], "PublishNotice": true}]}</c>.
/// Members and persons are named by number. Each ballot uses up one voter's link (a random voter, whose row is
/// marked used), as a cast ballot does; the ballot rows carry nothing of that voter. A campaign with the same branch
/// and title is skipped, so the step can run again. <c>PublishNotice</c> publishes the results of a closed campaign
/// through Notices' contract, as the results page's button does.
/// </summary>
internal sealed class AppraisalCampaignsStep(
    LiaisonDbContext db, IRosterQueries roster, CampaignService campaigns, ResultsService results, FeedbackTalkAssigner feedback,
    ISchoolClock clock) : IRecipeStepHandler
{
    /// <summary>The site's default culture (zh-CN), in which a notice made by a recipe is written.</summary>

    public string Name => "AppraisalCampaigns";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var index = 0;
        foreach (var node in (context.Step.GetProperty("Campaigns") as JsonArray ?? []).OfType<JsonObject>())
        {
            index++;
            var where = $"AppraisalCampaigns, campaign {index}";
            var branch = node.GetString("Branch");
            var title = node.GetString("Title")?.Trim();
            if (await db.Set<AppraisalCampaign>().AnyAsync(c => c.BranchId == branch && c.Title == title))
            {
                continue;
            }

            var input = new CampaignInput
            {
                BranchId = branch, Title = title, Year = int.TryParse(node.GetProperty("Year")?.ToString(), out var y) ? y : null,
                Opens = Local(node.GetString("Opens")), Closes = Local(node.GetString("Closes")),
            };
            var (campaign, errors) = await campaigns.CreateAsync(null, input, "recipe");
            if (campaign is null)
            {
                throw new RecipeException($"{where}: {string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}"))}");
            }

            await db.SaveChangesAsync();
            var members = await MembersAsync(Strings(node.GetProperty("Members")), where);
            var memberVoters = await MembersAsync(Strings(node.GetProperty("MemberVoters")), where);
            var personVoters = await PersonsAsync(node.GetProperty("PersonVoters") as JsonArray ?? [], where);
            foreach (var id in members.Values)
            {
                db.Add(new AppraisedMember
                {
                    CampaignId = campaign.Id, MemberId = id,
                    SelfAssessment = (node.GetProperty("SelfAssessments") as JsonObject)?
                        .FirstOrDefault(p => members.TryGetValue(p.Key, out var m) && m == id).Value?.ToString(),
                });
            }

            var voters = memberVoters.Values.Select(id => new AppraisalVoter { CampaignId = campaign.Id, MemberId = id, TokenHash = VoteTokens.Placeholder() })
                .Concat(personVoters.Select(id => new AppraisalVoter { CampaignId = campaign.Id, PersonId = id, TokenHash = VoteTokens.Placeholder() }))
                .ToList();
            db.AddRange(voters);
            var unused = voters.OrderBy(_ => Guid.NewGuid()).ToList();
            foreach (var ballot in (node.GetProperty("Ballots") as JsonArray ?? []).OfType<JsonObject>())
            {
                if (unused.Count == 0)
                {
                    throw new RecipeException($"{where}: more ballots than voters.");
                }

                unused[0].Used = true;
                unused.RemoveAt(0);
                var day = DateOnly.TryParse(ballot.GetString("Day"), CultureInfo.InvariantCulture, out var d) ? d : clock.DateOf(campaign.OpensUtc);
                foreach (var (number, value) in ballot.GetProperty("Ratings") as JsonObject ?? [])
                {
                    if (!members.TryGetValue(number, out var memberId))
                    {
                        throw new RecipeException($"{where}: a ballot rates {number}, who is not appraised.");
                    }

                    var rating = Array.IndexOf(ResultsService.RatingNames, value?.ToString());
                    if (rating < 0)
                    {
                        throw new RecipeException($"{where}: the rating of {number} is one of {string.Join("/", ResultsService.RatingNames)}.");
                    }

                    db.Add(new AppraisalBallot
                    {
                        Id = Guid.NewGuid(), CampaignId = campaign.Id, MemberId = memberId, Rating = (Rating)rating, Day = day,
                        Comment = (ballot.GetProperty("Comments") as JsonObject)?[number]?.ToString(),
                    });
                }
            }

            await db.SaveChangesAsync();

            // A closed campaign's feedback talks, as the job would assign them.
            await feedback.AssignAsync(campaign);
            if (node.GetProperty("PublishNotice")?.ToString() is "true" or "True")
            {
                // A recipe runs outside a request: the notice is written in the site's default language, as visitors read it.
                if (await SiteLanguage.WriteAsync(() => results.PublishNoticeAsync(campaign, null)) is null)
                {
                    throw new RecipeException($"{where}: only a closed campaign's results can be published.");
                }

                await db.SaveChangesAsync();
            }
        }
    }

    private DateTime? Local(string? text)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? clock.ToLocal(at.UtcDateTime) : null;

    private static List<string> Strings(JsonNode? node) => [.. (node as JsonArray ?? []).Select(n => n?.ToString() ?? "")];

    private async Task<Dictionary<string, int>> MembersAsync(List<string> numbers, string where)
    {
        var found = await roster.Members().Where(m => numbers.Contains(m.Number)).ToDictionaryAsync(m => m.Number, m => m.Id);
        var missing = numbers.Where(n => !found.ContainsKey(n)).ToList();
        return missing.Count == 0 ? found : throw new RecipeException($"{where}: no member numbered {string.Join(", ", missing)}.");
    }

    private async Task<List<int>> PersonsAsync(JsonArray persons, string where)
    {
        var ids = new List<int>();
        foreach (var p in persons)
        {
            var (kind, number) = p is JsonObject o
                ? (Enum.TryParse<PersonKind>(o.GetString("Kind"), out var k) ? k : PersonKind.Staff, o.GetString("Number") ?? "")
                : (PersonKind.Staff, p?.ToString() ?? "");
            var id = await roster.Persons().Where(x => x.Kind == kind && x.Number == number).Select(x => (int?)x.Id).FirstOrDefaultAsync();
            ids.Add(id ?? throw new RecipeException($"{where}: no person numbered {number}."));
        }

        return ids;
    }
}
