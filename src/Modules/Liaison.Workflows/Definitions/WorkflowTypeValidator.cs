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
}
