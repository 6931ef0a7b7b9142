using System.Globalization;
using System.Net;
using System.Text;
using Liaison.Appraisals.Data;
using Liaison.Notices.Contracts;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Liaison.Appraisals.Results;

/// <summary>One appraised member's counts per rating (indexed by <see cref="Rating"/>).</summary>
public sealed record MemberTally(int MemberId, string Name, string Number, int[] Counts)
{
    public int Total => Counts.Sum();

    /// <summary>基本合格 and 不合格 together.</summary>
    public int Weak => Counts[(int)Rating.BasicallyCompetent] + Counts[(int)Rating.Incompetent];
}

public sealed record CampaignResults(AppraisalCampaign Campaign, string BranchName, int Voters, int Voted, IReadOnlyList<MemberTally> Members, IReadOnlyList<string> Comments);

/// <summary>
/// Results of a closed campaign, never before it closes (the caller checks the phase; <see cref="TallyAsync"/>
/// refuses too): counts per rating per member; comments only for the secretary and the committee, never in the notice.
/// </summary>
public sealed class ResultsService(
    LiaisonDbContext db, IRosterQueries roster, ISchoolClock clock, IConfiguration configuration, IPublicNoticeWriter notices,
    IStringLocalizer<ResultsService> S)
{
    public static readonly string[] RatingNames = ["优秀", "合格", "基本合格", "不合格"];

    /// <summary>
    /// The rule in settings: a member needs a feedback talk when the share of 基本合格 and 不合格 among their ratings is at
    /// least <c>Liaison:Appraisals:FeedbackShare</c> (0.3) — and at least one such rating was given.
    /// </summary>
    public double FeedbackShare => Math.Clamp(configuration.GetValue("Liaison:Appraisals:FeedbackShare", 0.3), 0.0, 1.0);

    /// <summary>How long the results notice stays open for objections: <c>Liaison:Appraisals:NoticeDays</c> (14).</summary>
    public int NoticeDays => Math.Clamp(configuration.GetValue("Liaison:Appraisals:NoticeDays", 14), 1, 90);

    public bool NeedsFeedback(MemberTally tally) => tally.Weak > 0 && tally.Weak >= FeedbackShare * tally.Total;

    public async Task<CampaignResults?> TallyAsync(AppraisalCampaign campaign)
    {
        if (clock.UtcNow < campaign.ClosesUtc)
        {
            return null;
        }

        var members = await (from a in db.Set<AppraisedMember>().AsNoTracking()
                             join m in roster.Members() on a.MemberId equals m.Id
                             where a.CampaignId == campaign.Id
                             orderby m.Number
                             select new { m.Id, m.Name, m.Number }).ToListAsync();
        var counts = await db.Set<AppraisalBallot>().AsNoTracking().Where(b => b.CampaignId == campaign.Id)
            .GroupBy(b => new { b.MemberId, b.Rating }).Select(g => new { g.Key.MemberId, g.Key.Rating, Count = g.Count() }).ToListAsync();
        var tallies = members.Select(m =>
        {
            var row = new int[4];
            foreach (var c in counts.Where(c => c.MemberId == m.Id))
            {
                row[(int)c.Rating] = c.Count;
            }

            return new MemberTally(m.Id, m.Name, m.Number, row);
        }).ToList();
        var comments = await db.Set<AppraisalBallot>().AsNoTracking()
            .Where(b => b.CampaignId == campaign.Id && b.Comment != null)
            .OrderBy(b => b.MemberId).ThenBy(b => b.Comment).Select(b => b.Comment!).ToListAsync();
        var voters = await db.Set<AppraisalVoter>().CountAsync(v => v.CampaignId == campaign.Id);
        var voted = await db.Set<AppraisalVoter>().CountAsync(v => v.CampaignId == campaign.Id && v.Used);
        var branch = await roster.Organizations().Where(o => o.Id == campaign.BranchId).Select(o => o.Name).FirstOrDefaultAsync();
        return new CampaignResults(campaign, branch ?? campaign.BranchId, voters, voted, tallies, comments);
    }

    /// <summary>
    /// Publishes the results as a PublicNotice of kind 民主评议结果 (counts only, no comments), once per campaign; staged,
    /// the caller saves. Returns the notice id, or null when the campaign is not closed.
    /// </summary>
    public async Task<string?> PublishNoticeAsync(AppraisalCampaign campaign, string? owner, CancellationToken cancellationToken = default)
    {
        if (campaign.NoticeContentItemId is { } existing)
        {
            return existing;
        }

        var results = await TallyAsync(campaign);
        if (results is null)
        {
            return null;
        }

        var title = S["{0}: results of the democratic appraisal of members {1}", results.BranchName, campaign.Year.ToString(CultureInfo.InvariantCulture)];
        var start = clock.UtcNow;
        var id = await notices.PublishAsync(new PublicNoticeDraft(
            title, Html(results), NoticeKindNames.DemocraticAppraisal, start, start.AddDays(NoticeDays), campaign.BranchId,
            $"notices/appraisal-{campaign.Year}-{campaign.Id}", owner), cancellationToken);
        campaign.NoticeContentItemId = id;
        return id;
    }

    private string Html(CampaignResults results)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<p>").Append(E(S["Voters: {0}; ballots cast: {1}.", results.Voters, results.Voted])).Append("</p>");
        html.Append("<table><thead><tr><th>").Append(E(S["Member"])).Append("</th>");
        foreach (var name in RatingNames)
        {
            html.Append("<th>").Append(E(name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var m in results.Members)
        {
            html.Append("<tr><td>").Append(E(m.Name)).Append("</td>");
            foreach (var count in m.Counts)
            {
                html.Append("<td>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        return html.ToString();
    }
}
