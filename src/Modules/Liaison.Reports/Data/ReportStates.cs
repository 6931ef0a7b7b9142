using Liaison.Workflows.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Data;

public enum ReportState
{
    NotReported = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
}

/// <summary>Where a report stands, and the comment of its last return.</summary>
public sealed record ReportStatus(ReportState State, string? Comment, string? DecidedBy);

/// <summary>
/// A report's state from its versions and its review tasks (Workflows' <see cref="IContentReviews"/>): approved once
/// published; returned when its latest task was decided without publishing it; otherwise submitted (waiting for the
/// secretary, or for the workflow to open the task, which happens just after the save).
/// </summary>
internal sealed class ReportStates(IContentReviews reviews)
{
    public async Task<Dictionary<string, ReportStatus>> OfAsync(IReadOnlyCollection<(string Id, bool Published)> reports, CancellationToken cancellationToken = default)
    {
        var ids = reports.Where(r => !r.Published).Select(r => r.Id).Distinct().ToList();
        var tasks = reviews.Tasks();
        var byId = ids.Count == 0 ? new Dictionary<string, ContentReviewTask>() : await tasks
            .Where(t => ids.Contains(t.ContentItemId) && t.Id == tasks.Where(x => x.ContentItemId == t.ContentItemId).Max(x => x.Id))
            .ToDictionaryAsync(t => t.ContentItemId, cancellationToken);
        var result = new Dictionary<string, ReportStatus>();
        foreach (var (id, published) in reports)
        {
            result[id] = published
                ? new ReportStatus(ReportState.Approved, null, null)
                : byId.TryGetValue(id, out var task) && task.Decided
                    ? new ReportStatus(ReportState.Returned, task.Comment, task.DecidedBy)
                    : new ReportStatus(ReportState.Submitted, null, null);
        }

        return result;
    }
}
