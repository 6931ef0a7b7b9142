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
