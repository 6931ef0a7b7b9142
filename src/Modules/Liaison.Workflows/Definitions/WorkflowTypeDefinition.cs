using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Liaison.Workflows.Definitions;

/// <summary>
/// A workflow type in Orchard Core's WorkflowType recipe shape: activities (each an event or a task, placed at X/Y on the
/// diagram) and transitions from an activity's named outcome to the next activity.
/// </summary>
public sealed class WorkflowTypeDefinition
{
    public string WorkflowTypeId { get; set; } = "";

    public string Name { get; set; } = "";

    public bool IsEnabled { get; set; }

    /// <summary>At most one unfinished instance of the type at a time (an item is always in at most one, singleton or not).</summary>
    public bool IsSingleton { get; set; }

    public bool DeleteFinishedWorkflows { get; set; }

    public List<ActivityRecord> Activities { get; set; } = [];

    public List<TransitionRecord> Transitions { get; set; } = [];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public ActivityRecord? Activity(string activityId) => Activities.FirstOrDefault(a => a.ActivityId == activityId);

    public IEnumerable<TransitionRecord> From(string activityId, string outcome)
        => Transitions.Where(t => t.SourceActivityId == activityId && t.SourceOutcomeName == outcome);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WorkflowTypeDefinition FromJson(string json)
        => JsonSerializer.Deserialize<WorkflowTypeDefinition>(json, Json) ?? new WorkflowTypeDefinition();

    public static WorkflowTypeDefinition FromNode(JsonNode node)
        => node.Deserialize<WorkflowTypeDefinition>(Json) ?? new WorkflowTypeDefinition();
}

public sealed class ActivityRecord
{
    public string ActivityId { get; set; } = "";

    /// <summary>The activity's kind ("UserTaskEvent", "PublishContentTask" …).</summary>
    public string Name { get; set; } = "";

    public int X { get; set; }

    public int Y { get; set; }

    public bool IsStart { get; set; }

    public JsonObject Properties { get; set; } = [];

    /// <summary>Orchard's ActivityMetadata.Title, or the kind.</summary>
    [JsonIgnore]
    public string Title => (Properties["ActivityMetadata"] as JsonObject)?["Title"] is JsonValue v && v.TryGetValue<string>(out var t) && t.Length > 0 ? t : Name;

    public string? Text(string name) => Properties[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o when o["Expression"] is JsonValue e && e.TryGetValue<string>(out var x) => x,
        _ => null,
    };

    public IReadOnlyList<string> List(string name) => Properties[name] is JsonArray a
        ? [.. a.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : v.ToJsonString()).Where(s => s.Length > 0)]
        : [];

    public bool Flag(string name) => Properties[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}

public sealed class TransitionRecord
{
    public int Id { get; set; }

    public string SourceActivityId { get; set; } = "";

    public string SourceOutcomeName { get; set; } = "";

    public string DestinationActivityId { get; set; } = "";
}
