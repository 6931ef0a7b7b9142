using System.Security.Claims;
using Liaison.Workflows.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Workflows.Inbox;

/// <summary>What the item's editor page shows of its review: the latest task's state, the last decision and comment, and
/// the link to the task for someone it is offered to.</summary>
public sealed record ContentWorkflowPanelModel(WorkflowTask Latest, WorkflowTask? LastDecision, bool OfferedToUser);

/// <summary>The review state on a content item's admin editor (the kernel's <see cref="IContentEditorPanel"/>).</summary>
internal sealed class ContentWorkflowPanel(LiaisonDbContext db, TaskInbox inbox) : IContentEditorPanel
{
    public async Task<DisplayResult?> BuildAsync(ContentItem item, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var tasks = await db.Set<WorkflowTask>().AsNoTracking()
            .Where(t => t.ContentItemId == item.ContentItemId && t.Status != WorkflowTaskStatus.Cancelled)
            .OrderByDescending(t => t.Id).Take(20).ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return null;
        }

        var latest = tasks[0];
        var offered = latest.Status == WorkflowTaskStatus.Open
            && await (await inbox.OpenTasksAsync(user)).AnyAsync(t => t.Id == latest.Id, cancellationToken);
        return new DisplayResult("_ContentWorkflowState",
            new ContentWorkflowPanelModel(latest, tasks.FirstOrDefault(t => t.Status == WorkflowTaskStatus.Decided), offered));
    }
}
