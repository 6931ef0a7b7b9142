using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Workflows.Activities;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Liaison.Workflows.Engine;

/// <summary>When each start timer of an enabled type fires next (UTC), by "{WorkflowTypeId}/{ActivityId}".</summary>
public sealed class WorkflowTimerStarts
{
    public const string DocumentKey = "WorkflowTimerStarts";

    public Dictionary<string, DateTime> Next { get; set; } = [];
}

/// <summary>
/// Fires the timers that are due: starts an instance for each start TimerEvent whose occurrence has come (a timer seen
/// for the first time is scheduled for its next occurrence, never fired for the past) and resumes the instances
/// waiting on a TimerEvent whose due time has passed. Each start or resume is saved on its own, so one instance that
/// someone else changed meanwhile (its version moved on) is left for the next run and does not hold up the others.
/// </summary>
internal sealed class WorkflowTimers(
    WorkflowManager workflows, TimerEvent timer, IDocumentStore documents, LiaisonDbContext db, ILogger<WorkflowTimers> logger)
{
    /// <summary>Runs what is due at <paramref name="nowUtc"/>; returns how many timers fired.</summary>
    public async Task<int> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var types = await workflows.EnabledTypesAsync(cancellationToken);
        var timed = types.Values.Where(t => t.Activities.Any(a => a.Name == TimerEvent.ActivityName)).ToList();
        var fired = await StartDueAsync(timed, nowUtc, cancellationToken);
        return fired + await ResumeDueAsync(timed, nowUtc, cancellationToken);
    }

    private async Task<int> StartDueAsync(List<WorkflowTypeDefinition> types, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var schedule = await documents.GetAsync<WorkflowTimerStarts>(WorkflowTimerStarts.DocumentKey);
        var starts = types.SelectMany(t => t.Activities.Where(a => a.IsStart && a.Name == TimerEvent.ActivityName)
            .Select(a => (Type: t, Start: a, Key: $"{t.WorkflowTypeId}/{a.ActivityId}"))).ToList();
        var changed = schedule.Next.Keys.Except(starts.Select(s => s.Key)).ToList().Count(schedule.Next.Remove) > 0;
        var fired = 0;
        foreach (var (type, start, key) in starts)
        {
            if (schedule.Next.TryGetValue(key, out var due) && due <= nowUtc)
            {
                await workflows.StartAsync(type, start, Occurrence(), cancellationToken);
                fired++;
            }
            else if (schedule.Next.ContainsKey(key))
            {
                continue;
            }

            schedule.Next[key] = timer.NextUtc(start, nowUtc) ?? DateTime.MaxValue;
            changed = true;
        }

        if (changed)
        {
            await documents.SaveAsync(WorkflowTimerStarts.DocumentKey, schedule);
            await db.SaveChangesAsync(cancellationToken);
        }

        return fired;
    }

    private async Task<int> ResumeDueAsync(List<WorkflowTypeDefinition> types, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var byId = types.ToDictionary(t => t.WorkflowTypeId);
        var ids = byId.Keys.ToList();
        var halted = await db.Set<WorkflowInstance>()
            .Where(i => i.Status == WorkflowStatus.Halted && ids.Contains(i.WorkflowTypeId))
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        var fired = 0;
        foreach (var id in halted)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.Id == id && i.Status == WorkflowStatus.Halted, cancellationToken) is not { } instance)
            {
                continue;
            }

            var type = byId[instance.WorkflowTypeId];
            var state = JsonNode.Parse(instance.State) as JsonObject ?? [];
            var due = WorkflowManager.Blocking(instance).Select(type.Activity)
                .FirstOrDefault(a => a is { Name: TimerEvent.ActivityName } && DueUtc(state, a.ActivityId) <= nowUtc);
            if (due is null)
            {
                continue;
            }

            await workflows.ResumeAsync(instance, type, due, Occurrence(), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                fired++;
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Workflow {WorkflowId} changed while its timer fired; it is tried again at the next run.", instance.WorkflowId);
            }
        }

        db.ChangeTracker.Clear();
        return fired;
    }

    private static DateTime? DueUtc(JsonObject state, string activityId)
        => state[TimerEvent.StateKey(activityId)] is JsonValue value
            && DateTime.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var due)
            ? due
            : null;

    private static WorkflowEvent Occurrence() => new(TimerEvent.ActivityName, null, new Dictionary<string, string?>(), null);
}

/// <summary>Every minute (Liaison:Jobs:Workflows.Timers:Every), once across nodes: the due timers of workflows.</summary>
internal sealed class WorkflowTimersJob(WorkflowTimers timers, ISchoolClock clock, IStringLocalizer<WorkflowTimersJob> S) : IBackgroundJob
{
    public string Name => "Workflows.Timers";

    public string DisplayName => S["Fire the timers of workflows"];

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(1));

    public Task RunAsync(CancellationToken cancellationToken) => timers.RunDueAsync(clock.UtcNow, cancellationToken);
}
