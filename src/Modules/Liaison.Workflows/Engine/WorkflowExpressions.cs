using System.Text.Json.Nodes;
using Fluid;
using Jint;

namespace Liaison.Workflows.Engine;

/// <summary>
/// Texts are Liquid (Fluid), as in Orchard: <c>{{ ContentItem.DisplayText }}</c>, <c>{{ Workflow.LastComment }}</c>.
/// Conditions are JavaScript (Jint) boxed in: a runaway script is stopped and faults its instance, never the site.
/// </summary>
internal static class WorkflowExpressions
{
    public static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(1);
    public const int MaxStatements = 10_000;
    public const long MemoryLimitBytes = 4L * 1024 * 1024;

    private static readonly FluidParser s_parser = new();
    private static readonly TemplateOptions s_options = new();

    public static bool IsValidLiquid(string text) => s_parser.TryParse(text, out _, out _);

    public static async Task<string> RenderAsync(string? text, WorkflowExecutionContext workflow)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!s_parser.TryParse(text, out var template, out var error))
        {
            throw new WorkflowFaultException("Liquid: " + error);
        }

        var context = new TemplateContext(s_options);
        context.SetValue("ContentItem", ItemModel(workflow));
        context.SetValue("Workflow", WorkflowModel(workflow));
        return (await template.RenderAsync(context)).Trim();
    }

    /// <summary>Runs a condition; true or false. Limits (time, statements, memory, recursion) fault the instance.</summary>
    public static bool EvaluateCondition(string script, WorkflowExecutionContext workflow)
    {
        var engine = new Jint.Engine(o => o.TimeoutInterval(ScriptTimeout).MaxStatements(MaxStatements).LimitMemory(MemoryLimitBytes).LimitRecursion(64));
        engine.SetValue("property", new Func<string, string?>(workflow.Property));
        engine.SetValue("input", new Func<string, string?>(name => workflow.Event?[name]));
        engine.SetValue("contentType", workflow.ContentItem?.ContentType ?? "");
        engine.SetValue("owner", workflow.ContentItem?.Owner ?? "");
        engine.SetValue("published", workflow.ContentItem?.Published ?? false);
        try
        {
            return engine.Evaluate(script).AsBoolean();
        }
        // Whatever the script does wrong (syntax, a thrown error, a limit reached) is the script's fault, not the site's.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new WorkflowFaultException("Script: " + e.Message, e);
        }
    }

    private static Dictionary<string, object?> ItemModel(WorkflowExecutionContext workflow)
    {
        var item = workflow.ContentItem;
        return item is null ? [] : new()
        {
            ["ContentItemId"] = item.ContentItemId,
            ["ContentType"] = item.ContentType,
            ["DisplayText"] = item.DisplayText,
            ["Owner"] = item.Owner,
            ["Published"] = item.Published,
        };
    }

    private static Dictionary<string, object?> WorkflowModel(WorkflowExecutionContext workflow) => new()
    {
        ["WorkflowId"] = workflow.Instance.WorkflowId,
        ["CorrelationId"] = workflow.Instance.CorrelationId,
        ["LastOutcome"] = workflow.Property(WorkflowState.LastOutcome),
        ["LastComment"] = workflow.Property(WorkflowState.LastComment),
        ["LastUser"] = workflow.Property(WorkflowState.LastUser),
        ["Properties"] = workflow.State.ToDictionary(p => p.Key, p => (object?)(p.Value is JsonValue v ? v.ToString() : p.Value?.ToJsonString())),
    };
}

/// <summary>Names of the state properties the engine keeps.</summary>
internal static class WorkflowState
{
    public const string LastOutcome = "LastOutcome";
    public const string LastComment = "LastComment";
    public const string LastUser = "LastUser";
}
