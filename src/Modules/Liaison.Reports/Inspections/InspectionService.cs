using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using Liaison.Reports.Data;
using Liaison.Reports.Figures;
using Liaison.Reports.Parts;
using Liaison.Talks.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Inspections;

/// <summary>
/// The counters of an inspection, the same for a member's line and the branch's totals (the totals are the lines
/// added up, <see cref="InspectionTotals.Of"/>). Flat properties: saved inspections keep this JSON shape.
/// </summary>
public abstract class InspectionCounts
{
    public int ContactsAssigned { get; set; }

    public int ContactsCovered { get; set; }

    public int Talks { get; set; }

    public int MandatoryDue { get; set; }

    public int MandatoryOnTime { get; set; }

    public int MandatoryOverdue { get; set; }

    public int ReportsExpected { get; set; }

    public int ReportsOnTime { get; set; }

    public int ReportsApproved { get; set; }

    public int FollowUpsOpen { get; set; }

    /// <summary>Follow-up items closed in the half-year (absent from inspections saved before: 0).</summary>
    public int FollowUpsClosed { get; set; }

    /// <summary>Forums hosted or attended in the half-year.</summary>
    public int ForumsAttended { get; set; }

    /// <summary>Visits of a leading cadre to their section or contact unit in the half-year.</summary>
    public int Visits { get; set; }
}

/// <summary>One member's line of an inspection.</summary>
public sealed class InspectionMemberLine : InspectionCounts
{
    public int MemberId { get; set; }

    public string Number { get; set; } = "";

    public string Name { get; set; } = "";
}

/// <summary>A branch's totals: coverage and overdue items.</summary>
public sealed class InspectionTotals : InspectionCounts
{
    public int Members { get; set; }

    /// <summary>Contact targets met at least once, in percent of those assigned (0 when none is assigned).</summary>
    public int CoveragePercent => ContactsAssigned == 0 ? 0 : (int)Math.Round(100.0 * ContactsCovered / ContactsAssigned);

    /// <summary>Overdue mandatory talks and open follow-ups.</summary>
    public int OverdueItems => MandatoryOverdue + FollowUpsOpen;

    /// <summary>The lines added up; a member's coverage counts at most the targets assigned to them.</summary>
    public static InspectionTotals Of(IReadOnlyCollection<InspectionMemberLine> lines) => new()
    {
        Members = lines.Count,
        ContactsAssigned = lines.Sum(x => x.ContactsAssigned),
        ContactsCovered = lines.Sum(x => Math.Min(x.ContactsCovered, x.ContactsAssigned)),
        Talks = lines.Sum(x => x.Talks),
        MandatoryDue = lines.Sum(x => x.MandatoryDue),
        MandatoryOnTime = lines.Sum(x => x.MandatoryOnTime),
        MandatoryOverdue = lines.Sum(x => x.MandatoryOverdue),
        ReportsExpected = lines.Sum(x => x.ReportsExpected),
        ReportsOnTime = lines.Sum(x => x.ReportsOnTime),
        ReportsApproved = lines.Sum(x => x.ReportsApproved),
        FollowUpsOpen = lines.Sum(x => x.FollowUpsOpen),
        FollowUpsClosed = lines.Sum(x => x.FollowUpsClosed),
        ForumsAttended = lines.Sum(x => x.ForumsAttended),
        Visits = lines.Sum(x => x.Visits),
    };
}

/// <summary>Talks per month of the half-year: the trend chart.</summary>
public sealed record TrendPoint(string Month, int Talks);

/// <summary>An inspection's sheet: computed live, or read back from a saved inspection as it was.</summary>
public sealed class InspectionSheet
{
    public string BranchId { get; set; } = "";

    public string BranchName { get; set; } = "";

    public string HalfYear { get; set; } = "";

    public DateTime ComputedUtc { get; set; }

    public List<InspectionMemberLine> Members { get; set; } = [];

    public InspectionTotals Totals { get; set; } = new();

    public List<TrendPoint> Trend { get; set; } = [];
}

/// <summary>
/// The half-yearly inspection (R10), computed from the records: per member contacts covered, talks, mandatory talks on
/// time, reports on time and approved, forums attended, visits, follow-ups closed and still open; per branch coverage and overdue items; talks per month. Every
/// figure is counted by the database (GROUP BY), for all the branches asked for at once.
/// </summary>
internal sealed class InspectionService(
    IRosterQueries roster, IContactQueries contacts, ITalkRecords talks, ReportFiguresService figures, LiaisonDbContext db,
    ISchoolClock clock, Settings.ReportSettingsService settings)
{
    /// <summary>The last day on which a quarter's report is on time, <paramref name="deadlineDays"/> after it ends.</summary>
    public static DateOnly DeadlineOf(SchoolPeriod quarter, int deadlineDays) => quarter.End.AddDays(deadlineDays - 1);

    public async Task<InspectionSheet> ComputeAsync(string branchId, string branchName, SchoolPeriod half, CancellationToken cancellationToken = default)
        => (await ComputeAsync([(branchId, branchName)], half, cancellationToken))[0];

    /// <summary>
    /// The sheets of these branches, in their order, from one set of queries for all of them (the committee's
    /// side-by-side view of every branch costs one pass over the records, not one per branch).
    /// </summary>
    public async Task<IReadOnlyList<InspectionSheet>> ComputeAsync(
        IReadOnlyList<(string Id, string Name)> branches, SchoolPeriod half, CancellationToken cancellationToken = default)
    {
        var ids = branches.Select(b => b.Id).Distinct().ToList();
        var members = (await roster.Members().Where(m => ids.Contains(m.BranchId) && m.Active).OrderBy(m => m.Number)
                .Select(m => new { m.Id, m.Number, m.Name, m.BranchId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.BranchId);
        var byMember = await figures.ForBranchesAsync(ids, half.Start, half.End, cancellationToken);

        // Contact targets assigned in the half-year, per member (a member belongs to one branch).
        var assigned = await contacts.Contacts()
            .Where(c => ids.Contains(c.BranchId) && (c.StartDate == null || c.StartDate < half.End) && (c.EndDate == null || c.EndDate >= half.Start))
            .Select(c => new { c.MemberId, c.PersonId }).Distinct()
            .GroupBy(c => c.MemberId).Select(g => new { MemberId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.MemberId, x => x.Count, cancellationToken);

        var quarters = Quarters.In(half).Select(k => Quarters.Parse(k)!).Where(q => q.Start <= clock.Today).ToList();
        var keys = quarters.Select(q => q.Key).ToList();
        var reports = (await db.Set<QuarterlyReportIndex>().AsNoTracking()
                .Where(r => r.Latest && ids.Contains(r.BranchId) && keys.Contains(r.Quarter))
                .Select(r => new { r.MemberId, r.Quarter, r.FirstSubmittedUtc, r.Published }).ToListAsync(cancellationToken))
            .ToLookup(r => r.MemberId);
        var deadlineDays = await settings.DeadlineDaysAsync();
        var deadlines = quarters.ToDictionary(q => q.Key, q => clock.StartOfDayUtc(DeadlineOf(q, deadlineDays).AddDays(1)));
        var expected = quarters.Count(q => DeadlineOf(q, deadlineDays) < clock.Today);

        // Talks per month and branch: one GROUP BY per month.
        var trend = new List<(string Month, Dictionary<string, int> ByBranch)>();
        for (var month = half.Start; month < half.End; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            var counts = await talks.Talks().Where(x => ids.Contains(x.BranchId) && x.Date >= month && x.Date < next)
                .GroupBy(x => x.BranchId).Select(g => new { BranchId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.BranchId, x => x.Count, cancellationToken);
            trend.Add((month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), counts));
        }

        var now = clock.UtcNow;
        var sheets = new List<InspectionSheet>();
        foreach (var (branchId, branchName) in branches)
        {
            var sheet = new InspectionSheet { BranchId = branchId, BranchName = branchName, HalfYear = half.Key, ComputedUtc = now };
            foreach (var m in members[branchId])
            {
                var f = byMember.GetValueOrDefault(m.Id) ?? new ReportFigures();
                var own = reports[m.Id].ToList();
                sheet.Members.Add(new InspectionMemberLine
                {
                    MemberId = m.Id,
                    Number = m.Number,
                    Name = m.Name,
                    ContactsAssigned = assigned.GetValueOrDefault(m.Id),
                    ContactsCovered = f.ContactsMet,
                    Talks = f.Talks,
                    MandatoryDue = f.MandatoryOnTime + f.MandatoryLate + f.MandatoryOverdue,
                    MandatoryOnTime = f.MandatoryOnTime,
                    MandatoryOverdue = f.MandatoryOverdue,
                    ReportsExpected = expected,
                    ReportsOnTime = own.Count(r => r.FirstSubmittedUtc is { } at && at < deadlines[r.Quarter]),
                    ReportsApproved = own.Count(r => r.Published),
                    FollowUpsOpen = f.FollowUpsOpen,
                    FollowUpsClosed = f.FollowUpsClosed,
                    ForumsAttended = f.ForumsAttended,
                    Visits = f.Visits,
                });
            }

            sheet.Totals = InspectionTotals.Of(sheet.Members);
            sheet.Trend.AddRange(trend.Select(t => new TrendPoint(t.Month, t.ByBranch.GetValueOrDefault(branchId))));
            sheets.Add(sheet);
        }

        return sheets;
    }
}
