using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Liaison.Workflows.Engine;

/// <summary>
/// Starts, resumes and runs workflow instances. Everything it does is staged in the caller's unit of work: the
/// instance (whose <see cref="WorkflowInstance.Version"/> guards against a second resume of the same state), its
/// journal, its tasks, and what its activities change (a publish, notifications). The caller saves once.
/// </summary>
internal sealed class WorkflowManager(
    LiaisonDbContext db, ActivityRegistry registry, IContentManager contentManager, TimeProvider time, ILogger<WorkflowManager> logger)
{
    /// <summary>More steps than this without waiting on an event is a loop: the instance faults.</summary>
    public const int MaxSteps = 200;

    /// <summary>Resumes the instances waiting for the event (same correlation) and starts the types that begin with it.</summary>
    public async Task TriggerAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken = default)
    {
        var types = await EnabledTypesAsync(cancellationToken);
        if (!Listens(types.Values, workflowEvent))
        {
            // No activity of any enabled type handles it: no instance can wait for it and none starts with it, so
            // there is nothing to look up (most content events of a bulk import end here).
            return;
        }

        var correlation = workflowEvent.CorrelationId;
        var waiting = await db.Set<WorkflowInstance>()
            .Where(i => i.Status == WorkflowStatus.Halted && i.CorrelationId == correlation)
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        foreach (var instance in waiting)
        {
            if (!types.TryGetValue(instance.WorkflowTypeId, out var type))
            {
                continue;
            }

            var activity = Blocking(instance).Select(type.Activity)
                .FirstOrDefault(a => a is not null && a.Name == workflowEvent.Name && registry.Find(a.Name)?.CanHandle(a, workflowEvent) == true);
            if (activity is not null)
            {
                await ResumeAsync(instance, type, activity, workflowEvent, cancellationToken);
            }
        }

        foreach (var type in types.Values)
        {
            var start = type.Activities.FirstOrDefault(a => a.IsStart && a.Name == workflowEvent.Name
                && registry.Find(a.Name)?.CanHandle(a, workflowEvent) == true);
            if (start is null || await HasUnfinishedAsync(type, correlation, cancellationToken))
            {
                continue;
            }

            await StartAsync(type, start, workflowEvent, cancellationToken);
        }
    }

    /// <summary>Whether an enabled type has an activity that handles the event (a start or a blocking one).</summary>
    public async Task<bool> ListensAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken = default)
        => Listens((await EnabledTypesAsync(cancellationToken)).Values, workflowEvent);

    private bool Listens(IEnumerable<WorkflowTypeDefinition> types, WorkflowEvent workflowEvent)
        => types.Any(t => t.Activities.Any(a => a.Name == workflowEvent.Name && registry.Find(a.Name)?.CanHandle(a, workflowEvent) == true));

    /// <summary>Starts a new instance of the type at its start activity (correlated with the event's item, if any).</summary>
    public async Task<WorkflowInstance> StartAsync(
        WorkflowTypeDefinition type, ActivityRecord start, WorkflowEvent workflowEvent, CancellationToken cancellationToken = default)
    {
        var instance = new WorkflowInstance
        {
            WorkflowId = Guid.NewGuid().ToString("N"),
            WorkflowTypeId = type.WorkflowTypeId,
            CorrelationId = workflowEvent.CorrelationId,
            Status = WorkflowStatus.Running,
            CreatedUtc = Now,
            ModifiedUtc = Now,
        };
        db.Add(instance);
        await ResumeAsync(instance, type, start, workflowEvent, cancellationToken);
        return instance;
    }

    /// <summary>Resumes one instance at one of its blocking activities (a user task's decision comes this way).</summary>
    public async Task ResumeAsync(
        WorkflowInstance instance, WorkflowTypeDefinition type, ActivityRecord activity, WorkflowEvent workflowEvent, CancellationToken cancellationToken = default)
    {
        var context = await ContextAsync(instance, type);
        context.Event = workflowEvent;
        var blocking = Blocking(instance);
        blocking.Remove(activity.ActivityId);
        var current = activity;
        try
        {
            var implementation = registry.Find(activity.Name) ?? throw Missing(activity);
            var step = new ActivityContext(context, activity) { ActorUserName = workflowEvent.UserName };
            var outcomes = await implementation.ResumeAsync(step);
            Journal(instance, activity, outcomes, step.ActorUserName, step.JournalComment);
            await RunAsync(context, blocking, Next(type, activity, outcomes), a => current = a, cancellationToken);
            instance.FaultMessage = null;
            instance.FaultedActivityId = null;
            Finish(context, blocking);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not DbUpdateException)
        {
            Fault(context, blocking, current, e);
        }
    }

    /// <summary>Runs a faulted instance again from the activity that failed.</summary>
    public async Task RetryAsync(WorkflowInstance instance, WorkflowTypeDefinition type, string? userName, CancellationToken cancellationToken = default)
    {
        if (instance.Status != WorkflowStatus.Faulted || instance.FaultedActivityId is not { } activityId)
        {
            return;
        }

        var context = await ContextAsync(instance, type);
        var blocking = Blocking(instance);
        var current = type.Activity(activityId);
        Journal(instance, current ?? new ActivityRecord { ActivityId = activityId, Name = "?" }, ["Retry"], userName, null);
        try
        {
            await RunAsync(context, blocking, new Queue<string>([activityId]), a => current = a, cancellationToken);
            instance.FaultMessage = null;
            instance.FaultedActivityId = null;
            Finish(context, blocking);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not DbUpdateException)
        {
            Fault(context, blocking, current, e);
        }
    }

    /// <summary>The item is gone: what still waits for it ends, and its open tasks leave the inboxes.</summary>
    public async Task CancelAsync(string correlationId, string? userName, CancellationToken cancellationToken = default)
    {
        var waiting = await db.Set<WorkflowInstance>()
            .Where(i => i.Status == WorkflowStatus.Halted && i.CorrelationId == correlationId)
            .ToListAsync(cancellationToken);
        foreach (var instance in waiting.Where(i => i.Status == WorkflowStatus.Halted))
        {
            instance.Journal.Add(new WorkflowJournalEntry
            {
                ActivityId = "-", ActivityName = "Cancelled", Utc = Now, UserName = userName, Outcome = "Cancelled",
                Comment = "The item was deleted.",
            });
            instance.Status = WorkflowStatus.Finished;
            instance.BlockingActivities = "[]";
            instance.ModifiedUtc = Now;
            instance.Version++;
        }

        var tasks = await db.Set<WorkflowTask>()
            .Where(t => t.ContentItemId == correlationId && t.Status == WorkflowTaskStatus.Open)
            .ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            task.Status = WorkflowTaskStatus.Cancelled;
        }
    }

    public static List<string> Blocking(WorkflowInstance instance)
        => JsonSerializer.Deserialize<List<string>>(instance.BlockingActivities) ?? [];

    private async Task RunAsync(
        WorkflowExecutionContext context, List<string> blocking, Queue<string> queue, Action<ActivityRecord> onActivity, CancellationToken cancellationToken)
    {
        var steps = 0;
        while (queue.TryDequeue(out var id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++steps > MaxSteps)
            {
                throw new WorkflowFaultException($"More than {MaxSteps} steps without waiting for an event: the workflow loops.");
            }

            var activity = context.Type.Activity(id) ?? throw new WorkflowFaultException($"Activity {id} is not in the workflow type.");
            onActivity(activity);
            var implementation = registry.Find(activity.Name) ?? throw Missing(activity);
            var step = new ActivityContext(context, activity);
            if (implementation.IsEvent)
            {
                if (!blocking.Contains(activity.ActivityId))
                {
                    blocking.Add(activity.ActivityId);
                }

                await implementation.BlockedAsync(step);
                Journal(context.Instance, activity, [], null, null);
                continue;
            }

            var outcomes = await implementation.ExecuteAsync(step);
            Journal(context.Instance, activity, outcomes, step.ActorUserName, step.JournalComment);
            foreach (var next in Next(context.Type, activity, outcomes))
            {
                queue.Enqueue(next);
            }
        }
    }

    private static Queue<string> Next(WorkflowTypeDefinition type, ActivityRecord activity, IEnumerable<string> outcomes)
        => new(outcomes.SelectMany(o => type.From(activity.ActivityId, o)).Select(t => t.DestinationActivityId));

    private static WorkflowFaultException Missing(ActivityRecord activity)
        => new($"This site has no activity \"{activity.Name}\".");

    private async Task<WorkflowExecutionContext> ContextAsync(WorkflowInstance instance, WorkflowTypeDefinition type)
    {
        var state = JsonNode.Parse(instance.State) as JsonObject ?? [];
        var context = new WorkflowExecutionContext(instance, type, state);
        if (instance.CorrelationId is { Length: > 0 } id)
        {
            context.ContentItem = await contentManager.GetAsync(id, VersionOptions.Latest);
            if (context.ContentItem is { } item && instance.Id == 0)
            {
                instance.BranchId = ItemBranch.Of(item);
                instance.Owner = item.Owner;
            }
        }

        return context;
    }

    private void Finish(WorkflowExecutionContext context, List<string> blocking)
    {
        var instance = context.Instance;
        instance.Status = blocking.Count > 0 ? WorkflowStatus.Halted : WorkflowStatus.Finished;
        Persist(context, blocking);
        if (instance.Status == WorkflowStatus.Finished && context.Type.DeleteFinishedWorkflows)
        {
            db.Remove(instance);
        }
    }

    private void Fault(WorkflowExecutionContext context, List<string> blocking, ActivityRecord? activity, Exception e)
    {
        logger.LogWarning(e, "Workflow {WorkflowId} ({Type}) faulted at {Activity}", context.Instance.WorkflowId, context.Type.Name, activity?.ActivityId);
        var message = e is WorkflowFaultException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        var instance = context.Instance;
        instance.Status = WorkflowStatus.Faulted;
        instance.FaultMessage = message.Length > 4000 ? message[..4000] : message;
        instance.FaultedActivityId = activity?.ActivityId;
        if (activity is not null)
        {
            Journal(instance, activity, ["Faulted"], null, instance.FaultMessage);
        }

        Persist(context, blocking);
    }

    private void Persist(WorkflowExecutionContext context, List<string> blocking)
    {
        var instance = context.Instance;
        instance.BlockingActivities = JsonSerializer.Serialize(blocking);
        instance.State = context.State.ToJsonString();
        instance.ModifiedUtc = Now;
        instance.Version++;
    }

    private void Journal(WorkflowInstance instance, ActivityRecord activity, IReadOnlyList<string> outcomes, string? userName, string? comment)
        => instance.Journal.Add(new WorkflowJournalEntry
        {
            ActivityId = activity.ActivityId,
            ActivityName = activity.Name,
            Title = Cut(activity.Title, 200),
            Utc = Now,
            UserName = userName,
            Outcome = outcomes.Count == 0 ? null : Cut(string.Join(", ", outcomes), 100),
            Comment = comment is null ? null : Cut(comment, 4000),
        });

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    private async Task<bool> HasUnfinishedAsync(WorkflowTypeDefinition type, string? correlation, CancellationToken cancellationToken)
    {
        var unfinished = db.Set<WorkflowInstance>().Where(i => i.WorkflowTypeId == type.WorkflowTypeId && i.Status != WorkflowStatus.Finished);
        if (type.IsSingleton)
        {
            return await unfinished.AnyAsync(cancellationToken);
        }

        return correlation is not null && await unfinished.AnyAsync(i => i.CorrelationId == correlation, cancellationToken);
    }

    public async Task<Dictionary<string, WorkflowTypeDefinition>> EnabledTypesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<WorkflowTypeRecord>().AsNoTracking().Where(t => t.IsEnabled).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.WorkflowTypeId, r => WorkflowTypeDefinition.FromJson(r.Definition), StringComparer.Ordinal);
    }

    public async Task<WorkflowTypeDefinition?> TypeAsync(string workflowTypeId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<WorkflowTypeRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.WorkflowTypeId == workflowTypeId, cancellationToken);
        return row is null ? null : WorkflowTypeDefinition.FromJson(row.Definition);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
