using System.Security.Claims;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Scores;

/// <summary>
/// The yearly liaison score (R12) on the member's record in the roster: last year's and this year's so far, each with
/// its items, whether it meets the liaison condition, and the rule next to it. Only for those who see scores
/// (Reports.Inspect) and only for a member they manage; anyone else gets no section.
/// </summary>
internal sealed class ScoreRecordSection(
    ScoreService scores, ScoreText text, IPermissionService permissions, IRosterQueries roster, ISchoolClock clock,
    IStringLocalizer<ScoreRecordSection> S) : IMemberRecordSection
{
    public int Order => 100;

    public async Task<MemberRecordSection?> BuildAsync(ClaimsPrincipal user, int memberId, CancellationToken cancellationToken)
    {
        if (!await permissions.HasPermissionAsync(user, Permissions.Inspect)
            || !await roster.ManagedMembers(await roster.ScopeAsync(user)).AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return null;
        }

        var year = clock.Today.Year;
        var lines = new List<MemberRecordLine>();
        foreach (var (y, label) in new[] { (year - 1, S["Year {0}", year - 1].Value), (year, S["Year {0} (so far)", year].Value) })
        {
            var score = await scores.OfMemberAsync(memberId, y, cancellationToken);
            lines.Add(new MemberRecordLine(label, S["{0} points · {1}", score.Total, text.Passed(score.Passed)],
                string.Join(S["; "], score.Items.Select(i => S["{0} {1} ({2} points)", text.Item(i.Key), i.Count, i.Points].Value))));
        }

        return new MemberRecordSection(S["Yearly liaison score"], lines, S["Rule: {0}", text.Describe(await scores.RuleAsync())],
            S["All scores"], $"/admin/reports/scores?year={year - 1}");
    }
}
