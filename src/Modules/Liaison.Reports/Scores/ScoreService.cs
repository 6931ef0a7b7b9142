using System.Security.Claims;
using Liaison.Organization.Contracts;
using Liaison.Reports.Data;
using Liaison.Reports.Figures;
using Liaison.Reports.Parts;
using Liaison.Reports.Settings;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Scores;

public sealed record ScoreRow(int MemberId, string Number, string Name, string BranchId, string BranchName, MemberScore Score);

/// <summary>
/// The yearly liaison score (R12) per member and calendar year, by the committee's <see cref="ScoreRule"/>: the
/// year's figures (GROUP BY per branch, <see cref="ReportFiguresService"/>) and the approved quarterly reports of the
/// year. Whose: the roster's managed members of the user (the committee every branch, a secretary their own) or one
/// member (their own record).
/// </summary>
internal sealed class ScoreService(IRosterQueries roster, ReportFiguresService figures, ReportSettingsService settings, LiaisonDbContext db)
{
    public Task<ScoreRule> RuleAsync() => settings.ScoreRuleAsync();

    public async Task<IReadOnlyList<ScoreRow>> RowsAsync(ClaimsPrincipal user, int year, string? branchId, CancellationToken cancellationToken)
    {
        var scope = await roster.ScopeAsync(user);
        var members = roster.ManagedMembers(scope).Where(m => m.Active);
        if (!string.IsNullOrEmpty(branchId))
        {
            members = members.Where(m => m.BranchId == branchId);
        }

        var list = await members.OrderBy(m => m.BranchId).ThenBy(m => m.Number)
            .Select(m => new { m.Id, m.Number, m.Name, m.BranchId }).ToListAsync(cancellationToken);
        var names = await roster.Organizations().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        // Every branch shown from one set of GROUP BY queries (the committee's list was 53 rounds of them).
        var byMember = await figures.ForBranchesAsync([.. list.Select(m => m.BranchId).Distinct()], from, to, cancellationToken);

        var ids = list.Select(m => m.Id).ToList();
        var approved = await ApprovedAsync(db.Set<QuarterlyReportIndex>().Where(r => ids.Contains(r.MemberId)), year, cancellationToken);
        var rule = await RuleAsync();
        return [.. list.Select(m => new ScoreRow(m.Id, m.Number, m.Name, m.BranchId, names.GetValueOrDefault(m.BranchId, m.BranchId),
            rule.Score(ScoreRule.Counts(byMember.GetValueOrDefault(m.Id) ?? new ReportFigures(), approved.GetValueOrDefault(m.Id)))))];
    }

    /// <summary>One member's score of a year (their own record: no scope beyond the caller's choice of member).</summary>
    public async Task<MemberScore> OfMemberAsync(int memberId, int year, CancellationToken cancellationToken = default)
    {
        var f = await figures.ForMemberAsync(memberId, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), cancellationToken);
        var approved = await ApprovedAsync(db.Set<QuarterlyReportIndex>().Where(r => r.MemberId == memberId), year, cancellationToken);
        return (await RuleAsync()).Score(ScoreRule.Counts(f, approved.GetValueOrDefault(memberId)));
    }

    /// <summary>Quarterly reports of the year approved, per member (GROUP BY).</summary>
    private static Task<Dictionary<int, int>> ApprovedAsync(IQueryable<QuarterlyReportIndex> rows, int year, CancellationToken cancellationToken)
    {
        var prefix = year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-Q";
        return rows.Where(r => r.Latest && r.Published && r.Quarter.StartsWith(prefix))
            .GroupBy(r => r.MemberId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }
}
