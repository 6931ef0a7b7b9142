using Liaison.Contacts.Contracts;
using Liaison.Organization.Contracts;
using Liaison.Outreach.Contracts;
using Liaison.Reports.Parts;
using Liaison.Talks.Contracts;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Figures;

/// <summary>
/// The figures of a report or an inspection, counted by the database (GROUP BY over Talks', Outreach's and
/// Contacts' contract queries), never by loading the records: for one member, or for every member of a branch at once.
/// Visits are the leading cadres' visits to their sections and contact units (Organization's <see cref="IVisitRecords"/>).
/// </summary>
internal sealed class ReportFiguresService(
    ITalkRecords talks, ITalkFollowUpRecords followUps, IForumRecords forums, IVisitRecords visits, IContactQueries contacts, IRosterQueries roster,
    ISchoolClock clock)
{
    /// <summary>The figures of one member in [from, to).</summary>
    public async Task<ReportFigures> ForMemberAsync(int memberId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        => (await ForMembersAsync(
                talks.Talks().Where(t => t.MemberId == memberId), talks.MandatoryTalks().Where(o => o.MemberId == memberId),
                followUps.FollowUps().Where(f => f.MemberId == memberId), forums.Attendance().Where(a => a.MemberId == memberId),
                visits.Visits().Where(v => v.MemberId == memberId), from, to, cancellationToken))
            .GetValueOrDefault(memberId) ?? new ReportFigures();

    /// <summary>The figures of every member of a branch in [from, to), by member id (members without records are absent).</summary>
    public Task<Dictionary<int, ReportFigures>> ForBranchAsync(string branchId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        => ForMembersAsync(
            talks.Talks().Where(t => t.BranchId == branchId), talks.MandatoryTalks().Where(o => o.BranchId == branchId),
            followUps.FollowUps().Where(f => f.BranchId == branchId),

            // A forum counts for its attendees' branches, not only for its host's.
            forums.Attendance().Where(a => roster.Members().Any(m => m.Id == a.MemberId && m.BranchId == branchId)),
            visits.Visits().Where(v => v.BranchId == branchId), from, to, cancellationToken);

    /// <summary>
    /// The figures of every member of these branches in [from, to), by member id, from one set of GROUP BY queries
    /// (the committee's side-by-side inspection: one pass over the records, not one per branch).
    /// </summary>
    public Task<Dictionary<int, ReportFigures>> ForBranchesAsync(IReadOnlyCollection<string> branchIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        => ForMembersAsync(
            talks.Talks().Where(t => branchIds.Contains(t.BranchId)), talks.MandatoryTalks().Where(o => branchIds.Contains(o.BranchId)),
            followUps.FollowUps().Where(f => branchIds.Contains(f.BranchId)),
            forums.Attendance().Where(a => roster.Members().Any(m => m.Id == a.MemberId && branchIds.Contains(m.BranchId))),
            visits.Visits().Where(v => branchIds.Contains(v.BranchId)), from, to, cancellationToken);

    private async Task<Dictionary<int, ReportFigures>> ForMembersAsync(
        IQueryable<TalkRecord> talkRows, IQueryable<MandatoryTalkRecord> mandatoryRows, IQueryable<TalkFollowUpRecord> followUpRows,
        IQueryable<ForumAttendanceRecord> forumRows, IQueryable<VisitRecord> visitRows, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, ReportFigures>();
        ReportFigures Of(int memberId) => result.TryGetValue(memberId, out var f) ? f : result[memberId] = new ReportFigures();

        var inPeriod = talkRows.Where(t => t.Date >= from && t.Date < to);
        var byOccasion = await inPeriod.GroupBy(t => new { t.MemberId, t.Occasion })
            .Select(g => new { g.Key.MemberId, g.Key.Occasion, Count = g.Count(), Open = g.Sum(t => t.OpenFollowUps) })
            .ToListAsync(cancellationToken);
        foreach (var row in byOccasion.Where(r => r.Occasion is >= 0 and <= 5))
        {
            var figures = Of(row.MemberId);
            figures.TalksByOccasion[row.Occasion] += row.Count;
            figures.FollowUpsOpen += row.Open;
        }

        // Distinct contact targets met, per category: the talks' persons that are the member's contacts.
        var met = await (from t in inPeriod
                         join c in contacts.Contacts() on new { t.MemberId, t.PersonId } equals new { c.MemberId, c.PersonId }
                         select new { t.MemberId, t.PersonId, c.Category }).Distinct()
            .GroupBy(x => new { x.MemberId, x.Category })
            .Select(g => new { g.Key.MemberId, g.Key.Category, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in met.Where(r => r.Category is >= 1 and <= 4))
        {
            Of(row.MemberId).ContactsByCategory[row.Category] += row.Count;
        }

        // Mandatory talks due in the period: done by the due date, done late, or still open past it.
        var today = clock.Today;
        var mandatory = await mandatoryRows.Where(o => o.DueDate >= from && o.DueDate < to)
            .GroupBy(o => o.MemberId)
            .Select(g => new
            {
                MemberId = g.Key,
                OnTime = g.Count(o => o.ClosedDate != null && o.ClosedDate <= o.DueDate),
                Late = g.Count(o => o.ClosedDate != null && o.ClosedDate > o.DueDate),
                Overdue = g.Count(o => o.ClosedDate == null && o.DueDate < today),
            })
            .ToListAsync(cancellationToken);
        foreach (var row in mandatory)
        {
            var figures = Of(row.MemberId);
            figures.MandatoryOnTime = row.OnTime;
            figures.MandatoryLate = row.Late;
            figures.MandatoryOverdue = row.Overdue;
        }

        // Follow-up items opened at the period's talks, and those closed in the period.
        var opened = await followUpRows.Where(f => f.TalkDate >= from && f.TalkDate < to)
            .GroupBy(f => f.MemberId).Select(g => new { MemberId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var row in opened)
        {
            Of(row.MemberId).FollowUpsOpened = row.Count;
        }

        var closed = await followUpRows.Where(f => f.ClosedDate >= from && f.ClosedDate < to)
            .GroupBy(f => f.MemberId).Select(g => new { MemberId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var row in closed)
        {
            Of(row.MemberId).FollowUpsClosed = row.Count;
        }

        var attended = await forumRows.Where(a => a.Date >= from && a.Date < to)
            .GroupBy(a => a.MemberId).Select(g => new { MemberId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var row in attended)
        {
            Of(row.MemberId).ForumsAttended = row.Count;
        }

        var visited = await visitRows.Where(v => v.Date >= from && v.Date < to)
            .GroupBy(v => v.MemberId).Select(g => new { MemberId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var row in visited)
        {
            Of(row.MemberId).Visits = row.Count;
        }

        return result;
    }
}
