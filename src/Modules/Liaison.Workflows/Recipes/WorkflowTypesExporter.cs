using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Workflows.Definitions;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Localization;

namespace Liaison.Workflows.Recipes;

/// <summary>
/// Every workflow type as Orchard's "WorkflowType" step holds it (the <see cref="WorkflowTypeStep"/> reads it back),
/// after the content, so that importing the items does not start the workflows that once ran on them.
/// Running instances are not exported: they belong to the people and items of the source site.
/// </summary>
internal sealed class WorkflowTypesExporter(WorkflowTypeStore store, IStringLocalizer<WorkflowTypesExporter> S) : IRecipeStepExporter
{
    public string Key => "workflows";

    public string DisplayName => S["Workflow types"];

    public int Order => 800;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var types = await store.ListAsync(cancellationToken);
        if (types.Count == 0)
        {
            return [];
        }

        var data = new JsonArray([.. types.Select(t => JsonSerializer.SerializeToNode(t.Type, WorkflowTypeDefinition.Json))]);
        return [new JsonObject { ["name"] = WorkflowTypeStore.StepName, ["data"] = data }];
    }
}
