using System.Linq.Expressions;
using System.Security.Claims;
using Liaison.Workflows.Activities;
using Liaison.Workflows.Data;
using Liaison.Workflows.Engine;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Workflows.Inbox;

public enum DecisionResult
{
    Decided,
    NotFound,
    UnknownAction,
    CommentRequired,
    CommentTooLong,
    AlreadyDecided,
}

/// <summary>
/// Who sees which tasks, decided in the query: the holders of one of a task's roles, within the task's branch (the
/// branches they are secretary of), unless they decide for every branch. A task without a branch goes only to those.
/// </summary>
internal sealed class TaskInbox(
    LiaisonDbContext db, IPermissionService permissions, IUserBranches branches, WorkflowManager workflows, INotifier notifier,
    TimeProvider time, IStringLocalizer<TaskInbox> S) : IAdminTaskCount
{
    public bool HasInbox => true;

    public async Task<int> OpenTaskCountAsync(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true ? await (await OpenTasksAsync(user)).CountAsync() : 0;

    public async Task<IQueryable<WorkflowTask>> OpenTasksAsync(ClaimsPrincipal user)
        => (await TasksAsync(user)).Where(t => t.Status == WorkflowTaskStatus.Open);

    /// <summary>Every task (open or decided) offered to the user.</summary>
    public async Task<IQueryable<WorkflowTask>> TasksAsync(ClaimsPrincipal user)
    {
        var query = db.Set<WorkflowTask>().AsQueryable();
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Contains(RoleNames.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            return query;
        }

        if (roles.Count == 0)
        {
            return query.Where(_ => false);
        }

        query = query.Where(HoldsOneOf(roles));
        if (!await permissions.HasPermissionAsync(user, Permissions.DecideAllBranches))
        {
            var managed = (await branches.ManagedBranchIdsAsync(user)).ToList();
            query = query.Where(t => t.BranchId != null && managed.Contains(t.BranchId));
        }

        return query;
    }

    /// <summary>The tasks about the user's own items, newest first: the state of what they handed in.</summary>
    public IQueryable<WorkflowTask> Submitted(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "";
        return db.Set<WorkflowTask>().Where(t => t.Owner == name).OrderByDescending(t => t.Id);
    }

    public async Task<DecisionResult> DecideAsync(ClaimsPrincipal user, long taskId, string? action, string? comment, CancellationToken cancellationToken = default)
    {
        var task = await (await TasksAsync(user)).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return DecisionResult.NotFound;
        }

        if (task.Status != WorkflowTaskStatus.Open)
        {
            return DecisionResult.AlreadyDecided;
        }

        if (action is null || !task.ActionList.Contains(action, StringComparer.Ordinal))
        {
            return DecisionResult.UnknownAction;
        }

        var text = comment?.Trim() ?? "";
        if (text.Length > WorkflowTask.MaxCommentLength)
        {
            return DecisionResult.CommentTooLong;
        }

        if (text.Length == 0 && task.NeedsComment(action))
        {
            return DecisionResult.CommentRequired;
        }

        var instance = await db.Set<WorkflowInstance>().FirstAsync(i => i.Id == task.WorkflowInstanceId, cancellationToken);
        var type = await workflows.TypeAsync(instance.WorkflowTypeId, cancellationToken);
        var activity = type?.Activity(task.ActivityId);
        if (type is null || activity is null || instance.Status != WorkflowStatus.Halted || !WorkflowManager.Blocking(instance).Contains(task.ActivityId))
        {
            return DecisionResult.AlreadyDecided;
        }

        var userName = user.Identity?.Name;
        task.Status = WorkflowTaskStatus.Decided;
        task.DecidedBy = userName;
        task.DecidedUtc = time.GetUtcNow().UtcDateTime;
        task.Outcome = action;
        task.Comment = text.Length == 0 ? null : text;
        await workflows.ResumeAsync(instance, type, activity, new WorkflowEvent(
            UserTaskEvent.ActivityName,
            instance.CorrelationId,
            new Dictionary<string, string?>
            {
                [UserTaskEvent.ActivityIdInput] = task.ActivityId,
                [UserTaskEvent.ActionInput] = action,
                [UserTaskEvent.CommentInput] = task.Comment,
            },
            userName), cancellationToken);

        if (!string.IsNullOrEmpty(task.Owner))
        {
            await notifier.NotifyAsync(NotificationRecipients.Users(task.Owner), new NotificationMessage(
                S["{0}: {1}", action, task.Title],
                task.Comment is null ? S["{0} decided \"{1}\".", userName ?? "", action] : S["{0} decided \"{1}\": {2}", userName ?? "", action, task.Comment],
                "/admin/inbox"), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return DecisionResult.Decided;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else resumed the instance (another click, another node) since it was read: nothing of this was saved.
            db.ChangeTracker.Clear();
            return DecisionResult.AlreadyDecided;
        }
    }

    private static Expression<Func<WorkflowTask, bool>> HoldsOneOf(IReadOnlyList<string> roles)
    {
        var task = Expression.Parameter(typeof(WorkflowTask), "t");
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var body = roles
            .Select(r => (Expression)Expression.Call(Expression.Property(task, nameof(WorkflowTask.Roles)), contains, Expression.Constant(WorkflowTask.RoleList([r]))))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<WorkflowTask, bool>>(body, task);
    }
}
