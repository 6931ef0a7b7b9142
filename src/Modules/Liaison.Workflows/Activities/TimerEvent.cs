using System.Globalization;
using Cronos;
using Liaison.Workflows.Definitions;
using Liaison.Workflows.Engine;
using LiaisonSite.Core.Time;

namespace Liaison.Workflows.Activities;

/// <summary>
/// Orchard's TimerEvent: "CronExpression" (five fields, or six with seconds first, in the school's time zone). As a
/// start activity it starts an instance at every occurrence; reached in a flow, it waits until the next occurrence.
/// Occurrences are found by the "Workflows.Timers" job (<see cref="Engine.WorkflowTimers"/>), once across nodes.
/// </summary>
internal sealed class TimerEvent(ISchoolClock clock) : WorkflowActivity
{
    public const string ActivityName = "TimerEvent";

    public const string CronProperty = "CronExpression";

    public override string Name => ActivityName;

    public override bool IsEvent => true;

    public override string DisplayName => "Timer";

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } =
        [new(CronProperty, "Cron expression", ActivityPropertyKind.Cron, Hint: "Five fields (minute hour day month weekday), or six with seconds first, in the school's time zone")];

    /// <summary>Timers are resumed by the timer job only, never by another event of that name.</summary>
    public override bool CanHandle(ActivityRecord activity, WorkflowEvent workflowEvent) => false;

    public override Task BlockedAsync(ActivityContext context)
    {
        var next = NextUtc(context.Activity, clock.UtcNow)
            ?? throw new WorkflowFaultException($"The timer's cron expression \"{context.Activity.Text(CronProperty)}\" has no next occurrence.");
        context.Workflow.State[StateKey(context.Activity.ActivityId)] = next.ToString("O", CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public override Task<IReadOnlyList<string>> ResumeAsync(ActivityContext context)
    {
        context.Workflow.State.Remove(StateKey(context.Activity.ActivityId));
        return Task.FromResult(Done);
    }

    /// <summary>Where a waiting timer keeps its due time (UTC, round-trip format) in the instance state.</summary>
    public static string StateKey(string activityId) => "Timer:" + activityId;

    /// <summary>The first occurrence after <paramref name="afterUtc"/>, or null when the expression is invalid or has none.</summary>
    public DateTime? NextUtc(ActivityRecord activity, DateTime afterUtc)
        => TryParse(activity.Text(CronProperty), out var cron)
            ? cron!.GetNextOccurrence(DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc), clock.TimeZone)
            : null;

    public static bool TryParse(string? expression, out CronExpression? cron)
    {
        cron = null;
        var text = expression?.Trim() ?? "";
        if (text.Length == 0)
        {
            return false;
        }

        var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            cron = CronExpression.Parse(text, format);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }
}
