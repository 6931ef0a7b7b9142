using System.Text.Json.Nodes;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.Workflows.Engine;

/// <summary>Something that happened and may start or resume instances: its name is an event activity's Name.</summary>
/// <param name="Input">What the event carries (ContentType, TaskId, Action, Comment …).</param>
/// <param name="UserName">Who caused it, for the journal.</param>
public sealed record WorkflowEvent(string Name, string? CorrelationId, IReadOnlyDictionary<string, string?> Input, string? UserName = null)
{
    public string? this[string key] => Input.TryGetValue(key, out var value) ? value : null;
}

/// <summary>One kind of activity. Events wait (block) until a matching <see cref="WorkflowEvent"/>; tasks run and give outcomes.</summary>
internal abstract class WorkflowActivity
{
    protected static readonly IReadOnlyList<string> Done = ["Done"];

    /// <summary>The Name in the definition, as Orchard names its activities ("UserTaskEvent", "PublishContentTask").</summary>
    public abstract string Name { get; }

    public virtual bool IsEvent => false;

    /// <summary>What the editor calls it (English; zh-CN in the module's PO file).</summary>
    public virtual string DisplayName => Name;

    /// <summary>The properties the editor offers, each with the form control it needs.</summary>
    public virtual IReadOnlyList<ActivityProperty> EditableProperties => [];

    /// <summary>The named outcomes a transition may leave from.</summary>
    public virtual IReadOnlyList<string> Outcomes(ActivityRecord activity) => Done;

    /// <summary>Events: whether this event, with its input, starts or resumes the activity.</summary>
    public virtual bool CanHandle(ActivityRecord activity, WorkflowEvent workflowEvent) => true;

    /// <summary>Tasks: does the work and says which outcomes to follow.</summary>
    public virtual Task<IReadOnlyList<string>> ExecuteAsync(ActivityContext context) => Task.FromResult(Done);

    /// <summary>Events: the event arrived; which outcomes to follow.</summary>
    public virtual Task<IReadOnlyList<string>> ResumeAsync(ActivityContext context) => Task.FromResult(Done);

    /// <summary>Events: the flow reached the activity and now waits on it.</summary>
    public virtual Task BlockedAsync(ActivityContext context) => Task.CompletedTask;
}

/// <summary>How the editor shows a property and how it is stored in the activity's Properties.</summary>
internal enum ActivityPropertyKind
{
    /// <summary>One line of text (string).</summary>
    Text,

    /// <summary>One line of Liquid (string; checked before save).</summary>
    Liquid,

    /// <summary>Several lines of Liquid (string; checked before save).</summary>
    MultilineLiquid,

    /// <summary>JavaScript (string; its syntax checked before save).</summary>
    Script,

    /// <summary>One value a line (array of strings), e.g. a user task's actions.</summary>
    Lines,

    /// <summary>Roles chosen from the site's roles (array of strings).</summary>
    Roles,

    /// <summary>Content types chosen from the site's types (array of strings).</summary>
    ContentTypes,

    /// <summary>One content type (string).</summary>
    ContentType,

    /// <summary>A cron expression (string; checked before save).</summary>
    Cron,

    /// <summary>Yes or no (boolean).</summary>
    Flag,

    /// <summary>One of <see cref="ActivityProperty.Choices"/> (string).</summary>
    Choice,
}

/// <summary>A property the editor offers: its name in Properties, its English label (zh-CN in the PO file), its kind.</summary>
internal sealed record ActivityProperty(string Name, string Label, ActivityPropertyKind Kind, IReadOnlyList<string>? Choices = null, string? Hint = null);

/// <summary>What an activity sees: the instance, its definition, its state, the event and the correlated item.</summary>
internal sealed class WorkflowExecutionContext(WorkflowInstance instance, WorkflowTypeDefinition type, JsonObject state)
{
    public WorkflowInstance Instance { get; } = instance;

    public WorkflowTypeDefinition Type { get; } = type;

    public JsonObject State { get; } = state;

    public WorkflowEvent? Event { get; set; }

    /// <summary>The latest version of the correlated item, loaded once (null when the instance is about no item).</summary>
    public ContentItem? ContentItem { get; set; }

    public string? Property(string name) => State[name] is JsonValue v ? v.ToString() : null;
}

internal sealed class ActivityContext(WorkflowExecutionContext workflow, ActivityRecord activity)
{
    public WorkflowExecutionContext Workflow { get; } = workflow;

    public ActivityRecord Activity { get; } = activity;

    public WorkflowEvent? Event => Workflow.Event;

    /// <summary>A comment the step wants in the journal (a decision's comment, a log line).</summary>
    public string? JournalComment { get; set; }

    public string? ActorUserName { get; set; }
}

/// <summary>A workflow fault the administrator can read: the instance stops at the activity with this message.</summary>
internal sealed class WorkflowFaultException(string message, Exception? inner = null) : Exception(message, inner);
