using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Workflows.Engine;
using LiaisonSite.Core.ContentManagement;
using Microsoft.Extensions.Logging;

namespace Liaison.Workflows.Activities;

/// <summary>While set, the review guard lets a publish through: the workflow publishes what a decider approved.</summary>
internal sealed class WorkflowPublishScope
{
    public bool Active { get; private set; }

    public async Task RunAsync(Func<Task> work)
    {
        var before = Active;
        Active = true;
        try
        {
            await work();
        }
        finally
        {
            Active = before;
        }
    }
}

/// <summary>Publishes the latest version of the correlated item.</summary>
internal sealed class PublishContentTask(IContentManager contentManager, WorkflowPublishScope scope) : WorkflowActivity
{
    public override string Name => "PublishContentTask";

    public override string DisplayName => "Publish content";

    public override IReadOnlyList<string> Outcomes(Definitions.ActivityRecord activity) => ["Published"];

    public override async Task<IReadOnlyList<string>> ExecuteAsync(ActivityContext context)
    {
        var item = context.Workflow.ContentItem ?? throw new WorkflowFaultException("The workflow has no content item to publish.");
        await scope.RunAsync(() => contentManager.PublishAsync(item));
        return ["Published"];
    }
}

/// <summary>Unpublishes the correlated item.</summary>
internal sealed class UnpublishContentTask(IContentManager contentManager) : WorkflowActivity
{
    public override string Name => "UnpublishContentTask";

    public override string DisplayName => "Unpublish content";

    public override IReadOnlyList<string> Outcomes(Definitions.ActivityRecord activity) => ["Unpublished"];

    public override async Task<IReadOnlyList<string>> ExecuteAsync(ActivityContext context)
    {
        var item = context.Workflow.ContentItem ?? throw new WorkflowFaultException("The workflow has no content item to unpublish.");
        await contentManager.UnpublishAsync(item);
        return ["Unpublished"];
    }
}

/// <summary>Sets a workflow property ("PropertyName") to a Liquid text ("Value").</summary>
internal sealed class SetPropertyTask : WorkflowActivity
{
    public override string Name => "SetPropertyTask";

    public override string DisplayName => "Set a workflow property";

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } =
    [
        new("PropertyName", "Property name", ActivityPropertyKind.Text),
        new("Value", "Value (Liquid)", ActivityPropertyKind.Liquid),
    ];

    public override async Task<IReadOnlyList<string>> ExecuteAsync(ActivityContext context)
    {
        var name = context.Activity.Text("PropertyName");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new WorkflowFaultException("SetPropertyTask needs a PropertyName.");
        }

        context.Workflow.State[name] = await WorkflowExpressions.RenderAsync(context.Activity.Text("Value"), context.Workflow);
        return Done;
    }
}

/// <summary>Writes a Liquid text ("Text") to the log and the journal.</summary>
internal sealed class LogTask(ILogger<LogTask> logger) : WorkflowActivity
{
    public override string Name => "LogTask";

    public override string DisplayName => "Log";

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } = [new("Text", "Text (Liquid)", ActivityPropertyKind.MultilineLiquid)];

    public override async Task<IReadOnlyList<string>> ExecuteAsync(ActivityContext context)
    {
        var text = await WorkflowExpressions.RenderAsync(context.Activity.Text("Text"), context.Workflow);
        logger.LogInformation("Workflow {WorkflowId}: {Text}", context.Workflow.Instance.WorkflowId, text);
        context.JournalComment = text;
        return Done;
    }
}

/// <summary>Follows "True" or "False" by a JavaScript condition ("Condition"), run with time and memory limits.</summary>
internal sealed class IfElseTask : WorkflowActivity
{
    public override string Name => "IfElseTask";

    public override string DisplayName => "If / else (script)";

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } =
        [new("Condition", "Condition (JavaScript, true or false)", ActivityPropertyKind.Script, Hint: "property('x'), input('x'), contentType, owner, published")];

    public override IReadOnlyList<string> Outcomes(Definitions.ActivityRecord activity) => ["True", "False"];

    public override Task<IReadOnlyList<string>> ExecuteAsync(ActivityContext context)
    {
        var script = context.Activity.Text("Condition");
        if (string.IsNullOrWhiteSpace(script))
        {
            throw new WorkflowFaultException("IfElseTask needs a Condition.");
        }

        var result = WorkflowExpressions.EvaluateCondition(script, context.Workflow);
        return Task.FromResult<IReadOnlyList<string>>([result ? "True" : "False"]);
    }
}

/// <summary>
/// Orchard's CreateContentTask: a new item of "ContentType", its content from "ContentProperties" (a Liquid template
/// giving a JSON object of parts, e.g. <c>{"TitlePart": {"Title": "{{ ContentItem.DisplayText }} 的整改"}}</c>), saved
/// as a draft or published ("Publish"). Its id goes into the workflow property "CreatedContentItemId"; the content
/// manager's validation applies, and an invalid item faults the instance with the reasons.
/// </summary>
internal sealed class CreateContentTask(IContentManager contentManager, WorkflowPublishScope scope) : WorkflowActivity
{
    public const string CreatedProperty = "CreatedContentItemId";

    public override string Name => "CreateContentTask";

    public override string DisplayName => "Create content";

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } =
    [
        new("ContentType", "Content type", ActivityPropertyKind.ContentType),
        new("ContentProperties", "Content (Liquid giving a JSON object of parts)", ActivityPropertyKind.MultilineLiquid),
        new("Publish", "Publish it", ActivityPropertyKind.Flag),
    ];

    public override async Task<IReadOnlyList<string>> ExecuteAsync(ActivityContext context)
    {
        var type = await WorkflowExpressions.RenderAsync(context.Activity.Text("ContentType"), context.Workflow);
        if (string.IsNullOrWhiteSpace(type))
        {
            throw new WorkflowFaultException("CreateContentTask needs a ContentType.");
        }

        var item = await contentManager.NewAsync(type);
        foreach (var (part, value) in await PropertiesAsync(context))
        {
            item.Content[part] = value?.DeepClone();
        }

        var publish = context.Activity.Properties["Publish"] is JsonValue flag && flag.TryGetValue<bool>(out var p) && p;
        try
        {
            await scope.RunAsync(() => contentManager.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft));
        }
        catch (ContentValidationException e)
        {
            throw new WorkflowFaultException("The new " + type + " is not valid: " + string.Join(" ", e.Errors.Select(x => x.Message)), e);
        }

        context.Workflow.State[CreatedProperty] = item.ContentItemId;
        return Done;
    }

    private static async Task<JsonObject> PropertiesAsync(ActivityContext context)
    {
        var text = await WorkflowExpressions.RenderAsync(context.Activity.Text("ContentProperties"), context.Workflow);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new WorkflowFaultException("ContentProperties must give a JSON object.");
        }
        catch (JsonException e)
        {
            throw new WorkflowFaultException("ContentProperties is not JSON: " + e.Message, e);
        }
    }
}

/// <summary>
/// Sets one field of the correlated item: "PartName", "FieldName", and the Liquid "Value" written to the field's
/// "Property" (default "Text", as a TextField stores it). A new version is saved (published again when the item was
/// published), through the content manager's validation; an invalid value faults the instance.
/// </summary>
internal sealed class SetContentFieldTask(IContentManager contentManager, WorkflowPublishScope scope) : WorkflowActivity
{
    public override string Name => "SetContentFieldTask";

    public override string DisplayName => "Set a content field";

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } =
    [
        new("PartName", "Part name", ActivityPropertyKind.Text),
        new("FieldName", "Field name", ActivityPropertyKind.Text),
        new("Property", "Field property (default Text)", ActivityPropertyKind.Text),
        new("Value", "Value (Liquid)", ActivityPropertyKind.Liquid),
    ];

    public override async Task<IReadOnlyList<string>> ExecuteAsync(ActivityContext context)
    {
        var source = context.Workflow.ContentItem ?? throw new WorkflowFaultException("The workflow has no content item to change.");
        var part = context.Activity.Text("PartName");
        var field = context.Activity.Text("FieldName");
        if (string.IsNullOrWhiteSpace(part) || string.IsNullOrWhiteSpace(field))
        {
            throw new WorkflowFaultException("SetContentFieldTask needs a PartName and a FieldName.");
        }

        var property = context.Activity.Text("Property") is { Length: > 0 } named ? named : "Text";
        var value = await WorkflowExpressions.RenderAsync(context.Activity.Text("Value"), context.Workflow);
        var item = await contentManager.GetAsync(source.ContentItemId, VersionOptions.DraftRequired)
            ?? throw new WorkflowFaultException("The workflow's content item no longer exists.");
        var wasPublished = source.Published;
        var partJson = item.Content[part] as JsonObject ?? [];
        var fieldJson = partJson[field] as JsonObject ?? [];
        fieldJson[property] = value;
        partJson[field] = fieldJson;
        item.Content[part] = partJson;
        try
        {
            await scope.RunAsync(() => contentManager.UpdateAsync(item, publish: wasPublished));
        }
        catch (ContentValidationException e)
        {
            throw new WorkflowFaultException("The value is not valid: " + string.Join(" ", e.Errors.Select(x => x.Message)), e);
        }

        context.Workflow.ContentItem = item;
        return Done;
    }
}
