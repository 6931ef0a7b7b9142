using Liaison.Workflows.Contracts;
using Liaison.Workflows.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Workflows.Inbox;

/// <summary>The tasks and journals of content items for their modules (<see cref="IContentReviews"/>).</summary>
internal sealed class ContentReviews(LiaisonDbContext db) : IContentReviews
{
    public IQueryable<ContentReviewTask> Tasks() => db.Set<WorkflowTask>().Where(t => t.ContentItemId != null).Select(t => new ContentReviewTask
    {
        Id = t.Id,
        ContentItemId = t.ContentItemId!,
        ContentType = t.ContentType,
        BranchId = t.BranchId,
        Open = t.Status == WorkflowTaskStatus.Open,
        Decided = t.Status == WorkflowTaskStatus.Decided,
        Outcome = t.Outcome,
        Comment = t.Comment,
        DecidedBy = t.DecidedBy,
        CreatedUtc = t.CreatedUtc,
        DecidedUtc = t.DecidedUtc,
    });

    public async Task<IReadOnlyList<ContentReviewStep>> JournalAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        var rows = await (from j in db.Set<WorkflowJournalEntry>().AsNoTracking()
                          join i in db.Set<WorkflowInstance>() on j.WorkflowInstanceId equals i.Id
                          where i.CorrelationId == contentItemId
                          orderby j.Id
                          select new { j.Utc, j.ActivityName, j.Title, j.UserName, j.Outcome, j.Comment }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ContentReviewStep(r.Utc, r.ActivityName, r.Title, r.UserName, r.Outcome, r.Comment))];
    }
}
