using Liaison.Appraisals.Campaigns;
using Liaison.Appraisals.Data;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Appraisals.Voting;

public enum TokenState
{
    /// <summary>Malformed or unknown: 404.</summary>
    Unknown,

    /// <summary>The campaign has not opened yet: 409.</summary>
    NotOpen,

    /// <summary>Already used: 410.</summary>
    Used,

    /// <summary>The campaign closed: 410.</summary>
    Closed,

    Valid,
}

public sealed record BallotCandidate(int MemberId, string Name, string? SelfAssessment);

public sealed record BallotPage(string Token, AppraisalCampaign Campaign, string BranchName, IReadOnlyList<BallotCandidate> Candidates);

/// <summary>One rating as posted: the member, the rating (0–3) and an optional comment.</summary>
public sealed class BallotEntry
{
    public int MemberId { get; set; }

    public int? Rating { get; set; }

    public string? Comment { get; set; }
}

/// <summary>
/// The secret ballot. A token is looked up by its hash; casting marks it used with one conditional UPDATE
/// (<c>… WHERE TokenHash = @h AND NOT Used</c>), and only the request that changed the row inserts the ballot rows,
/// in the same transaction, so of parallel submissions exactly one counts. The ballot rows carry the campaign, the
/// member, the rating, the comment and the day: nothing that leads to the voter.
/// </summary>
public sealed class BallotService(LiaisonDbContext db, IRosterQueries roster, ISchoolClock clock, IStringLocalizer<BallotService> S)
{
    public async Task<(TokenState State, AppraisalCampaign? Campaign)> CheckAsync(string? token)
    {
        if (!VoteTokens.IsWellFormed(token))
        {
            return (TokenState.Unknown, null);
        }

        var hash = VoteTokens.Hash(token!);
        var found = await (from v in db.Set<AppraisalVoter>().AsNoTracking()
                           join c in db.Set<AppraisalCampaign>().AsNoTracking() on v.CampaignId equals c.Id
                           where v.TokenHash == hash
                           select new { v.Used, Campaign = c }).FirstOrDefaultAsync();
        if (found is null)
        {
            return (TokenState.Unknown, null);
        }

        var now = clock.UtcNow;
        var state = found.Used ? TokenState.Used
            : now >= found.Campaign.ClosesUtc ? TokenState.Closed
            : now < found.Campaign.OpensUtc ? TokenState.NotOpen
            : TokenState.Valid;
        return (state, found.Campaign);
    }

    public async Task<BallotPage> PageAsync(string token, AppraisalCampaign campaign)
    {
        var candidates = await (from a in db.Set<AppraisedMember>().AsNoTracking()
                                join m in roster.Members() on a.MemberId equals m.Id
                                where a.CampaignId == campaign.Id
                                orderby m.Number
                                select new BallotCandidate(m.Id, m.Name, a.SelfAssessment)).ToListAsync();
        var branch = await roster.Organizations().Where(o => o.Id == campaign.BranchId).Select(o => o.Name).FirstOrDefaultAsync();
        return new BallotPage(token, campaign, branch ?? "", candidates);
    }

    /// <summary>Checks that every candidate has exactly one rating and the comments fit; errors keyed by member id.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(AppraisalCampaign campaign, IReadOnlyList<BallotEntry> entries)
    {
        var errors = new Dictionary<string, string>();
        var candidates = await db.Set<AppraisedMember>().Where(a => a.CampaignId == campaign.Id).Select(a => a.MemberId).ToListAsync();
        foreach (var id in candidates)
        {
            var mine = entries.Where(e => e.MemberId == id).ToList();
            if (mine.Count != 1 || mine[0].Rating is not (>= 0 and <= 3))
            {
                errors[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = S["Choose one rating for this member."];
            }
            else if (mine[0].Comment is { } comment && comment.Trim().Length > AppraisalBallot.MaxCommentLength)
            {
                errors[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = S["A comment can have at most {0} characters.", AppraisalBallot.MaxCommentLength];
            }
        }

        if (entries.Any(e => !candidates.Contains(e.MemberId)))
        {
            errors[""] = S["The ballot names someone who is not appraised in this campaign."];
        }

        return errors;
    }

    /// <summary>
    /// Casts the ballot: true when this request used the token, false when another did (or it closed meanwhile).
    /// Validate first; the entries must be complete.
    /// </summary>
    public async Task<bool> CastAsync(string token, AppraisalCampaign campaign, IReadOnlyList<BallotEntry> entries, CancellationToken cancellationToken = default)
    {
        var hash = VoteTokens.Hash(token);
        var now = clock.UtcNow;
        var day = clock.Today;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Set<AppraisalVoter>()
            .Where(v => v.TokenHash == hash && !v.Used && v.CampaignId == campaign.Id
                && db.Set<AppraisalCampaign>().Any(c => c.Id == v.CampaignId && c.OpensUtc <= now && c.ClosesUtc > now))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Used, true), cancellationToken);
        if (changed != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        // Shuffled, so even the order of the rows within this ballot says nothing; the keys are random (v4).
        foreach (var e in entries.OrderBy(_ => Guid.NewGuid()))
        {
            db.Add(new AppraisalBallot
            {
                Id = Guid.NewGuid(), CampaignId = campaign.Id, MemberId = e.MemberId, Rating = (Rating)e.Rating!.Value,
                Comment = string.IsNullOrWhiteSpace(e.Comment) ? null : e.Comment.Trim(), Day = day,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
