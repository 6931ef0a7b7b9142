using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Workflows.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Workflows.Definitions;

/// <summary>What an import did: the type as stored and the activities it names that this site lacks (then it stays disabled).</summary>
public sealed record WorkflowTypeImport(WorkflowTypeDefinition Type, IReadOnlyList<string> MissingActivities);

/// <summary>Reads and writes workflow types in their Orchard shape (recipe step, import page, export, enable/disable).</summary>
internal sealed class WorkflowTypeStore(LiaisonDbContext db, WorkflowTypeValidator validator, TimeProvider time)
{
    public const string StepName = "WorkflowType";

    private readonly List<WorkflowTypeImport> _imported = [];

    /// <summary>What this unit of work imported (the import page reads it after the recipe ran).</summary>
    public IReadOnlyList<WorkflowTypeImport> Imported => _imported;

    /// <summary>Stages one type from a recipe's "data" entry, replacing the type with the same WorkflowTypeId.</summary>
    public async Task<WorkflowTypeImport> ImportAsync(JsonNode data, CancellationToken cancellationToken = default)
    {
        var type = WorkflowTypeDefinition.FromNode(data);
        if (string.IsNullOrWhiteSpace(type.WorkflowTypeId) || string.IsNullOrWhiteSpace(type.Name))
        {
            throw new FormatException("WorkflowTypeId and Name");
        }

        if (type.WorkflowTypeId.Length > 64 || type.Name.Length > 200)
        {
            throw new FormatException("WorkflowTypeId (64) or Name (200) is too long");
        }

        var missing = validator.MissingActivities(type);
        type.IsEnabled &= missing.Count == 0;
        await SaveAsync(type, cancellationToken);
        var result = new WorkflowTypeImport(type, missing);
        _imported.Add(result);
        return result;
    }

    public async Task SaveAsync(WorkflowTypeDefinition type, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<WorkflowTypeRecord>().FirstOrDefaultAsync(t => t.WorkflowTypeId == type.WorkflowTypeId, cancellationToken);
        if (row is null)
        {
            row = new WorkflowTypeRecord { WorkflowTypeId = type.WorkflowTypeId };
            db.Add(row);
        }

        row.Name = type.Name;
        row.IsEnabled = type.IsEnabled;
        row.Definition = type.ToJson();
        row.ModifiedUtc = time.GetUtcNow().UtcDateTime;
    }

    public async Task<IReadOnlyList<(WorkflowTypeRecord Row, WorkflowTypeDefinition Type)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<WorkflowTypeRecord>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r, WorkflowTypeDefinition.FromJson(r.Definition)))];
    }

    public async Task<WorkflowTypeDefinition?> GetAsync(string workflowTypeId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<WorkflowTypeRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.WorkflowTypeId == workflowTypeId, cancellationToken);
        return row is null ? null : WorkflowTypeDefinition.FromJson(row.Definition);
    }

    /// <summary>A recipe with one WorkflowType step holding the given types, as Orchard exports them.</summary>
    public static string ExportRecipe(string name, IEnumerable<WorkflowTypeDefinition> types)
    {
        var data = new JsonArray([.. types.Select(t => JsonSerializer.SerializeToNode(t, WorkflowTypeDefinition.Json))]);
        var recipe = new JsonObject
        {
            ["name"] = name,
            ["steps"] = new JsonArray(new JsonObject { ["name"] = StepName, ["data"] = data }),
        };
        return recipe.ToJsonString(WorkflowTypeDefinition.Json);
    }
}
