using System.Text.Json.Nodes;
using Liaison.Workflows.Definitions;
using LiaisonSite.Core.Upgrades;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Liaison.Workflows.Upgrades;

/// <summary>
/// Step 2 (step 1 is the default grants): a site set up before the Workflows module had no WorkflowType steps run, so
/// it gets the setup recipe's editorial review and quarterly report review here — each only when no type with its id is
/// there, so a type an administrator has edited (or imported under that id) is never overwritten.
/// </summary>
internal sealed class AddWorkflowTypes : IUpgradeStep
{
    public const string Resource = "Upgrades.WorkflowTypes.recipe.json";

    public int Number => 2;

    public string Description => "Editorial review and quarterly report review workflow types, where absent";

    public async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        var store = context.Services.GetRequiredService<WorkflowTypeStore>();
        var logger = context.Services.GetRequiredService<ILogger<AddWorkflowTypes>>();
        foreach (var data in await TypesAsync(cancellationToken))
        {
            var id = data["WorkflowTypeId"]!.GetValue<string>();
            if (await store.GetAsync(id, cancellationToken) is not null)
            {
                logger.LogInformation("Workflow type {WorkflowTypeId} is there already; left as it is.", id);
                continue;
            }

            await store.ImportAsync(data, cancellationToken);
        }
    }

    /// <summary>The types this step brings, from its embedded recipe.</summary>
    public static async Task<IReadOnlyList<JsonNode>> TypesAsync(CancellationToken cancellationToken = default)
    {
        var assembly = typeof(AddWorkflowTypes).Assembly;
        var name = assembly.GetManifestResourceNames().Single(r => r.EndsWith(Resource, StringComparison.Ordinal));
        await using var stream = assembly.GetManifestResourceStream(name)!;
        var recipe = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
        return [.. recipe!["steps"]!.AsArray().SelectMany(s => s!["data"]!.AsArray()).Select(d => d!)];
    }
}
