using Liaison.Workflows.Engine;

namespace Liaison.Workflows.Definitions;

/// <summary>A problem with a workflow type; <see cref="ActivityId"/> names the activity it is about.</summary>
public sealed record WorkflowTypeProblem(string Kind, string? ActivityId, string Detail);

/// <summary>
/// Checks a definition before it is saved or enabled: activities this site lacks (by name), no start event,
/// unreachable activities, transitions from an outcome the activity does not have or to an activity that is not there.
/// </summary>
internal sealed class WorkflowTypeValidator(ActivityRegistry registry)
{
    public const string MissingActivity = "MissingActivity";
    public const string NoStart = "NoStart";
    public const string Unreachable = "Unreachable";
    public const string DanglingOutcome = "DanglingOutcome";
    public const string DanglingTransition = "DanglingTransition";
    public const string Incomplete = "Incomplete";
    public const string BadCron = "BadCron";
    public const string BadScript = "BadScript";
    public const string BadLiquid = "BadLiquid";

    public IReadOnlyList<string> MissingActivities(WorkflowTypeDefinition type)
        => [.. type.Activities.Select(a => a.Name).Where(n => registry.Find(n) is null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public IReadOnlyList<WorkflowTypeProblem> Validate(WorkflowTypeDefinition type)
    {
        var problems = new List<WorkflowTypeProblem>();
        if (string.IsNullOrWhiteSpace(type.WorkflowTypeId) || string.IsNullOrWhiteSpace(type.Name))
        {
            problems.Add(new(Incomplete, null, "WorkflowTypeId and Name"));
        }

        foreach (var name in MissingActivities(type))
        {
            problems.Add(new(MissingActivity, type.Activities.First(a => a.Name == name).ActivityId, name));
        }

        var ids = type.Activities.Select(a => a.ActivityId).ToHashSet(StringComparer.Ordinal);
        var starts = type.Activities.Where(a => a.IsStart).ToList();
        if (starts.Count == 0)
        {
            problems.Add(new(NoStart, null, ""));
        }

        foreach (var t in type.Transitions)
        {
            if (!ids.Contains(t.SourceActivityId) || !ids.Contains(t.DestinationActivityId))
            {
                problems.Add(new(DanglingTransition, ids.Contains(t.SourceActivityId) ? t.SourceActivityId : null,
                    $"{t.SourceActivityId} → {t.DestinationActivityId}"));
                continue;
            }

            var source = type.Activity(t.SourceActivityId)!;
            if (registry.Find(source.Name) is { } activity && !activity.Outcomes(source).Contains(t.SourceOutcomeName, StringComparer.Ordinal))
            {
                problems.Add(new(DanglingOutcome, source.ActivityId, t.SourceOutcomeName));
            }
        }

        foreach (var a in type.Activities)
        {
            if (registry.Find(a.Name) is not { } activity)
            {
                continue;
            }

            foreach (var property in activity.EditableProperties)
            {
                var text = a.Text(property.Name);
                switch (property.Kind)
                {
                    case ActivityPropertyKind.Cron when !Activities.TimerEvent.TryParse(text, out _):
                        problems.Add(new(BadCron, a.ActivityId, text ?? ""));
                        break;
                    case ActivityPropertyKind.Script when !string.IsNullOrWhiteSpace(text) && ScriptError(text) is { } error:
                        problems.Add(new(BadScript, a.ActivityId, error));
                        break;
                    case ActivityPropertyKind.Liquid or ActivityPropertyKind.MultilineLiquid when !string.IsNullOrEmpty(text) && !WorkflowExpressions.IsValidLiquid(text):
                        problems.Add(new(BadLiquid, a.ActivityId, property.Name));
                        break;
                }
            }
        }

        var reached = new HashSet<string>(starts.Select(s => s.ActivityId), StringComparer.Ordinal);
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var id))
        {
            foreach (var t in type.Transitions.Where(t => t.SourceActivityId == id && reached.Add(t.DestinationActivityId)))
            {
                queue.Enqueue(t.DestinationActivityId);
            }
        }

        problems.AddRange(type.Activities.Where(a => !reached.Contains(a.ActivityId)).Select(a => new WorkflowTypeProblem(Unreachable, a.ActivityId, a.Title)));
        return problems;
    }

    /// <summary>The script's syntax error, or null: parsed only, never run.</summary>
    private static string? ScriptError(string script)
    {
        try
        {
            Jint.Engine.PrepareScript(script);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e.Message;
        }
    }
}
