using System.Security.Claims;
using Liaison.Contacts.Contracts;
using Liaison.Reports.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.MyWork;

public sealed record MyReportRow(string ContentItemId, string Quarter, ReportStatus Status);

public sealed record YearScore(int Year, Scores.MemberScore Score);

public sealed record ReportsSectionModel(
    string CurrentQuarter, string PreviousQuarter, IReadOnlyList<MyReportRow> Reports, IReadOnlyList<YearScore> Scores, Scores.ScoreRule Rule);

/// <summary>
/// The reports part of 我的联系工作: the member's reports with their state, the way to write one, and their yearly
/// liaison score (last year's and this year's so far) with the rule it is computed by.
/// </summary>
internal sealed class ReportsMyWorkSection(LiaisonDbContext db, ReportStates states, ISchoolClock clock, Scores.ScoreService scores) : IMyWorkSection
{
    public int Order => 20;

    public async Task<MyWorkSection?> BuildAsync(ClaimsPrincipal user, int memberId, string branchId)
    {
        var rows = await db.Set<QuarterlyReportIndex>().AsNoTracking().Where(r => r.Latest && r.MemberId == memberId)
            .OrderByDescending(r => r.Quarter).Take(8).Select(r => new { r.ContentItemId, r.Quarter, r.Published, r.HandIns }).ToListAsync();
        var status = await states.OfAsync([.. rows.Select(r => new ReportKey(r.ContentItemId, r.Published, r.HandIns))]);
        var today = clock.Today;
        return new MyWorkSection("_ReportsMyWork", new ReportsSectionModel(
            clock.Quarter.Key, LiaisonSite.Core.Time.SchoolPeriod.QuarterOf(today.AddMonths(-3)).Key,
            [.. rows.Select(r => new MyReportRow(r.ContentItemId, r.Quarter, status[r.ContentItemId]))],
            [new YearScore(today.Year - 1, await scores.OfMemberAsync(memberId, today.Year - 1)), new YearScore(today.Year, await scores.OfMemberAsync(memberId, today.Year))],
            await scores.RuleAsync()));
    }
}
