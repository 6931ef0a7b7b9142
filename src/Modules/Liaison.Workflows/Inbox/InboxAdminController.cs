using Liaison.Workflows.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Workflows.Inbox;

public sealed record InboxViewModel(IReadOnlyList<WorkflowTask> Open, IReadOnlyList<WorkflowTask> Submitted);

public sealed record TaskViewModel(
    WorkflowTask Task, ContentItem? Item, IReadOnlyList<DisplayResult> Display, IReadOnlyList<WorkflowJournalEntry> Journal, string? Comment);

/// <summary>The task inbox (/admin/inbox): every admin user's waiting decisions, and the state of what they handed in.</summary>
[Admin]
[Route("admin/inbox")]
internal sealed class InboxAdminController(
    TaskInbox inbox, LiaisonDbContext db, IContentManager contentManager, IContentDisplayManager display, IStringLocalizer<InboxAdminController> S)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var open = await (await inbox.OpenTasksAsync(User)).OrderBy(t => t.Id).Take(100).ToListAsync();
        var submitted = await inbox.Submitted(User).Take(20).ToListAsync();
        return View(new InboxViewModel(open, submitted));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Open(long id)
    {
        var task = await (await inbox.TasksAsync(User)).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id);
        return task is null ? NotFound() : View("Task", await ModelAsync(task, null));
    }

    [HttpPost("{id:long}")]
    public async Task<IActionResult> Decide(long id, string? decision, string? comment)
    {
        var result = await inbox.DecideAsync(User, id, decision, comment, HttpContext.RequestAborted);
        switch (result)
        {
            case DecisionResult.NotFound:
                return NotFound();
            case DecisionResult.Decided:
                TempData.Success(S["Decided: {0}.", decision ?? ""]);
                return Redirect("/admin/inbox");
            case DecisionResult.AlreadyDecided:
                TempData.Error(S["This task was already decided by someone else; nothing was changed."]);
                return Redirect("/admin/inbox");
        }

        ModelState.AddModelError("comment", result switch
        {
            DecisionResult.CommentRequired => S["Write a comment: it goes to the author with the decision \"{0}\".", decision ?? ""],
            DecisionResult.CommentTooLong => S["The comment can have at most {0} characters.", WorkflowTask.MaxCommentLength],
            _ => S["Choose one of the task's actions."],
        });
        var task = await (await inbox.TasksAsync(User)).AsNoTracking().FirstAsync(t => t.Id == id);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Task", await ModelAsync(task, comment));
    }

    private async Task<TaskViewModel> ModelAsync(WorkflowTask task, string? comment)
    {
        var item = task.ContentItemId is { } itemId ? await contentManager.GetAsync(itemId, VersionOptions.Latest) : null;
        var parts = item is null ? [] : await display.BuildDisplayAsync(item, "Detail");
        var journal = await db.Set<WorkflowJournalEntry>().AsNoTracking()
            .Where(j => j.WorkflowInstanceId == task.WorkflowInstanceId && j.Outcome != null)
            .OrderBy(j => j.Id).ToListAsync();
        return new TaskViewModel(task, item, parts, journal, comment);
    }
}
