using Liaison.Workflows.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Data;

public enum ReportState
{
    NotReported = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,

    /// <summary>Saved, not handed in: the member's own, in nobody's inbox.</summary>
    Draft = 4,
}

/// <summary>Where a report stands, and the comment of its last return.</summary>
public sealed record ReportStatus(ReportState State, string? Comment, string? DecidedBy)
{
    /// <summary>The member may change it (and hand it in): a draft, or returned to them.</summary>
    public bool Editable => State is ReportState.Draft or ReportState.Returned;
}

/// <summary>A report's index facts that decide its state.</summary>
public readonly record struct ReportKey(string Id, bool Published, int HandIns);

/// <summary>
/// A report's state from its versions, its hand-ins and its review tasks (Workflows' <see cref="IContentReviews"/>):
/// approved once published; submitted while it was handed in more often than the secretary decided on it (or a task
/// is open), which covers the moment between the hand-in and the workflow opening its task; returned when the latest
/// decision sent it back (whether or not the member has saved changes since); otherwise a draft.
/// </summary>
internal sealed class ReportStates(IContentReviews reviews)
{
    public async Task<Dictionary<string, ReportStatus>> OfAsync(IReadOnlyCollection<ReportKey> reports, CancellationToken cancellationToken = default)
    {
        var ids = reports.Where(r => !r.Published).Select(r => r.Id).Distinct().ToList();
        var tasks = reviews.Tasks();
        var facts = ids.Count == 0 ? [] : await tasks.Where(t => ids.Contains(t.ContentItemId))
            .GroupBy(t => t.ContentItemId)
            .Select(g => new { Id = g.Key, Decided = g.Count(t => t.Decided), Open = g.Any(t => t.Open) })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var decidedIds = facts.Values.Where(f => f.Decided > 0).Select(f => f.Id).ToList();
        var last = decidedIds.Count == 0 ? [] : await tasks
            .Where(t => decidedIds.Contains(t.ContentItemId) && t.Decided
                && t.Id == tasks.Where(x => x.ContentItemId == t.ContentItemId && x.Decided).Max(x => x.Id))
            .ToDictionaryAsync(t => t.ContentItemId, cancellationToken);
        var result = new Dictionary<string, ReportStatus>();
        foreach (var (id, published, handIns) in reports)
        {
            var fact = facts.GetValueOrDefault(id);
            var decided = fact?.Decided ?? 0;
            result[id] = published ? new ReportStatus(ReportState.Approved, null, null)
                : handIns > decided || fact?.Open == true ? new ReportStatus(ReportState.Submitted, null, null)
                : decided > 0 && last.TryGetValue(id, out var task) ? new ReportStatus(ReportState.Returned, task.Comment, task.DecidedBy)
                : new ReportStatus(ReportState.Draft, null, null);
        }

        return result;
    }
}
