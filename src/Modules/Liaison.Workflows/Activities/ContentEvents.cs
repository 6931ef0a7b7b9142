using Liaison.Workflows.Definitions;
using Liaison.Workflows.Engine;

namespace Liaison.Workflows.Activities;

/// <summary>
/// A content lifecycle event (Orchard's ContentCreatedEvent …), filtered by the types in its "ContentTypes" property
/// (none: every type). The correlation is the item. ContentDraftSavedEvent is ours: a draft was saved (created or
/// edited without publishing), which is how an author hands an item in for review.
/// </summary>
internal class ContentEventActivity(string name) : WorkflowActivity
{
    public const string Created = "ContentCreatedEvent";
    public const string Updated = "ContentUpdatedEvent";
    public const string Published = "ContentPublishedEvent";
    public const string Unpublished = "ContentUnpublishedEvent";
    public const string Deleted = "ContentDeletedEvent";
    public const string DraftSaved = "ContentDraftSavedEvent";

    /// <summary>An item was created through a form (Liaison.Forms), by a signed-in user or anonymously.</summary>
    public const string FormSubmitted = "FormSubmittedEvent";

    public const string ContentTypeInput = "ContentType";

    public override string Name => name;

    public override bool IsEvent => true;

    public override string DisplayName => name switch
    {
        Created => "Content created",
        Updated => "Content updated",
        Published => "Content published",
        Unpublished => "Content unpublished",
        Deleted => "Content deleted",
        DraftSaved => "Draft saved",
        FormSubmitted => "Form submitted",
        _ => name,
    };

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } =
        [new("ContentTypes", "Content types (none: every type)", ActivityPropertyKind.ContentTypes)];

    public override bool CanHandle(ActivityRecord activity, WorkflowEvent workflowEvent)
    {
        var types = activity.List("ContentTypes");
        return types.Count == 0 || types.Contains(workflowEvent[ContentTypeInput] ?? "", StringComparer.Ordinal);
    }
}

internal sealed class ContentCreatedEvent() : ContentEventActivity(Created);

internal sealed class ContentUpdatedEvent() : ContentEventActivity(Updated);

internal sealed class ContentPublishedEvent() : ContentEventActivity(Published);

internal sealed class ContentUnpublishedEvent() : ContentEventActivity(Unpublished);

internal sealed class ContentDeletedEvent() : ContentEventActivity(Deleted);

internal sealed class ContentDraftSavedEvent() : ContentEventActivity(DraftSaved);

internal sealed class FormSubmittedEvent() : ContentEventActivity(FormSubmitted);

/// <summary>A named signal ("Signal" property), raised by code or by an administrator for the correlated instance.</summary>
internal sealed class SignalEvent : WorkflowActivity
{
    public const string ActivityName = "SignalEvent";

    /// <summary>The event input naming the signal (<see cref="Contracts.ContentSignalled.Signal"/>).</summary>
    public const string SignalInput = "Signal";

    public override string Name => ActivityName;

    public override bool IsEvent => true;

    public override string DisplayName => "Signal";

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } = [new("Signal", "Signal name", ActivityPropertyKind.Text)];

    public override bool CanHandle(ActivityRecord activity, WorkflowEvent workflowEvent)
        => string.Equals(activity.Text("Signal"), workflowEvent[SignalInput], StringComparison.Ordinal);
}
