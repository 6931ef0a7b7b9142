using System.Text.Json;
using Liaison.Workflows.Definitions;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Liaison.Workflows.Recipes;

/// <summary>
/// Orchard's "WorkflowType" step: <c>{"name": "WorkflowType", "data": [{WorkflowTypeId, Name, IsEnabled, IsSingleton,
/// DeleteFinishedWorkflows, Activities, Transitions}]}</c>. A type is replaced by WorkflowTypeId (idempotent). A type
/// naming activities this site lacks is stored as it came but disabled, and the activities are logged by name.
/// </summary>
internal sealed class WorkflowTypeStep(WorkflowTypeStore store, ILogger<WorkflowTypeStep> logger, IStringLocalizer<WorkflowTypeStep> S)
    : IRecipeStepHandler
{
    public string Name => WorkflowTypeStore.StepName;

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var index = 0;
        foreach (var data in context.Step.GetArray("data"))
        {
            index++;
            if (data is null)
            {
                continue;
            }

            try
            {
                var result = await store.ImportAsync(data, context.CancellationToken);
                if (result.MissingActivities.Count > 0)
                {
                    logger.LogWarning("Workflow type {Name} was imported disabled: this site has no {Activities}",
                        result.Type.Name, string.Join(", ", result.MissingActivities));
                }
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new RecipeException(S["Step {0} (WorkflowType), workflow type {1}: {2}", context.StepIndex, index, e.Message]);
            }
        }
    }
}
