using Liaison.Appraisals.Data;
using Liaison.Organization.Contracts;
using Liaison.Talks.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Liaison.Appraisals.Results;

/// <summary>
/// SPEC R3 occasion 5 after a democratic appraisal: once a campaign has closed, every appraised member the rule picks
/// (<see cref="ResultsService.NeedsFeedback"/>) gets a mandatory feedback talk from Talks, held by the branch secretary
/// (the branch's member whose Party post is 支部书记; the campaign's creator when the secretary is the one appraised or
/// the branch has none). Once per campaign (<see cref="AppraisalCampaign.FeedbackRequired"/>), and Talks makes one
/// obligation per campaign and member however often it is asked.
/// </summary>
public sealed partial class FeedbackTalkAssigner(
    LiaisonDbContext db, ResultsService results, IFeedbackTalks talks, IRosterQueries roster, ISchoolClock clock,
    ILogger<FeedbackTalkAssigner> logger)
{
    public const string SecretaryPost = "支部书记";

    public static string SourceOf(AppraisalCampaign campaign) => $"appraisal:{campaign.Id}";

    /// <summary>Assigns the campaign's feedback talks if it has closed and they are not assigned yet; saves. Returns how many.</summary>
    public async Task<int> AssignAsync(AppraisalCampaign campaign, CancellationToken cancellationToken = default)
    {
        if (campaign.FeedbackRequired || await results.TallyAsync(campaign) is not { } tally)
        {
            return 0;
        }

        var secretaries = await roster.Members().Where(m => m.BranchId == campaign.BranchId && m.Active && m.PartyPost == SecretaryPost)
            .OrderBy(m => m.Number).Select(m => m.Id).ToListAsync(cancellationToken);
        var creator = await roster.Members().Where(m => m.UserName == campaign.CreatedBy && m.Active).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        var date = clock.DateOf(campaign.ClosesUtc);
        var assigned = 0;
        foreach (var member in tally.Members.Where(results.NeedsFeedback))
        {
            int? talker = secretaries.Where(id => id != member.MemberId).Select(id => (int?)id).FirstOrDefault()
                ?? (creator != member.MemberId ? creator : null);
            if (talker is null)
            {
                LogNoTalker(campaign.Id, member.Number);
                continue;
            }

            if (await talks.AssignAsync(new FeedbackTalk(talker.Value, member.MemberId, date, SourceOf(campaign))))
            {
                assigned++;
            }
        }

        campaign.FeedbackRequired = true;
        await db.SaveChangesAsync(cancellationToken);
        if (db.Entry(campaign).State == EntityState.Detached)
        {
            await db.Set<AppraisalCampaign>().Where(c => c.Id == campaign.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FeedbackRequired, true), cancellationToken);
        }

        return assigned;
    }

    /// <summary>Every closed campaign whose feedback talks are not assigned yet.</summary>
    public async Task<int> AssignClosedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var closed = await db.Set<AppraisalCampaign>().Where(c => !c.FeedbackRequired && c.ClosesUtc <= now).ToListAsync(cancellationToken);
        var assigned = 0;
        foreach (var campaign in closed)
        {
            assigned += await AssignAsync(campaign, cancellationToken);
        }

        return assigned;
    }

    [LoggerMessage(LogLevel.Warning, "Appraisal campaign {Campaign}: no member can hold the feedback talk with {Member} (no branch secretary on the roster).")]
    private partial void LogNoTalker(int campaign, string member);
}

/// <summary>Every 15 minutes, once across nodes: the feedback talks of campaigns that have closed since.</summary>
internal sealed class FeedbackTalkJob(FeedbackTalkAssigner assigner, IStringLocalizer<FeedbackTalkJob> S) : IBackgroundJob
{
    public string Name => "Appraisals.FeedbackTalks";

    public string DisplayName => S["Assign the feedback talks of closed democratic appraisals"];

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(15));

    public Task RunAsync(CancellationToken cancellationToken) => assigner.AssignClosedAsync(cancellationToken);
}
