using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using Liaison.Workflows.Engine;
using Liaison.Workflows.Review;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Workflows.Admin;

public sealed record WorkflowTypeRow(WorkflowTypeRecord Row, WorkflowTypeDefinition Type, int Running, int Halted, int Faulted, int Finished);

public sealed record WorkflowsIndexViewModel(IReadOnlyList<WorkflowTypeRow> Types, ReviewSettings Settings, string? Recipe);

public sealed record WorkflowDetailViewModel(
    WorkflowTypeDefinition Type, IReadOnlyList<WorkflowTypeProblem> Problems, IReadOnlyList<WorkflowInstance> Instances);

public sealed record WorkflowInstanceViewModel(WorkflowInstance Instance, WorkflowTypeDefinition? Type, IReadOnlyList<WorkflowJournalEntry> Journal);

/// <summary>Workflow types and instances, for administrators (Workflows.Manage, held by no role by default).</summary>
[Admin]
[RequirePermission(Permissions.ManageName)]
[Route("admin/workflows")]
internal sealed partial class WorkflowsAdminController(
    LiaisonDbContext db, WorkflowTypeStore store, WorkflowTypeValidator validator, WorkflowManager workflows, IDocumentStore documents,
    IStringLocalizer<WorkflowsAdminController> S) : Controller
{
    public const int MaxImportBytes = 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await IndexModelAsync(null));

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(bool allowDirectPublishing)
    {
        var settings = await ReviewedTypes.SettingsAsync(documents);
        settings.AllowDirectPublishing = allowDirectPublishing;
        await documents.SaveAsync(ReviewSettings.DocumentKey, settings);
        await db.SaveChangesAsync();
        TempData.Success(S["Settings saved."]);
        return Redirect("/admin/workflows");
    }

    [HttpPost("import")]
    [RequestSizeLimit(MaxImportBytes + 64 * 1024)]
    public async Task<IActionResult> Import(string? recipe, IFormFile? file)
    {
        var text = recipe;
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxImportBytes)
            {
                return await InvalidAsync(recipe, S["The file is larger than {0} KB.", MaxImportBytes / 1024]);
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text = await reader.ReadToEndAsync();
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return await InvalidAsync(recipe, S["Paste a recipe or choose a file."]);
        }

        JsonArray data;
        try
        {
            data = StepData(JsonNode.Parse(text, documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }));
        }
        catch (JsonException e)
        {
            return await InvalidAsync(recipe, S["The recipe is not valid JSON: {0}", e.Message]);
        }

        if (data.Count == 0)
        {
            return await InvalidAsync(recipe, S["The recipe has no WorkflowType step."]);
        }

        try
        {
            foreach (var node in data.OfType<JsonNode>())
            {
                await store.ImportAsync(node, HttpContext.RequestAborted);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return await InvalidAsync(recipe, S["A workflow type is not valid: {0}", e.Message]);
        }

        await db.SaveChangesAsync();
        var imported = store.Imported;
        foreach (var result in imported)
        {
            if (result.MissingActivities.Count > 0)
            {
                TempData.Error(S["\"{0}\" was imported but stays disabled: this site has no {1}.", result.Type.Name, string.Join(", ", result.MissingActivities)]);
            }
            else
            {
                TempData.Success(S["\"{0}\" was imported.", result.Type.Name]);
            }
        }

        return Redirect(imported.Count == 1 ? $"/admin/workflows/{Uri.EscapeDataString(imported[0].Type.WorkflowTypeId)}" : "/admin/workflows");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Detail(string id)
    {
        var type = await store.GetAsync(id);
        if (type is null)
        {
            return NotFound();
        }

        var instances = await db.Set<WorkflowInstance>().AsNoTracking().Where(i => i.WorkflowTypeId == id)
            .OrderByDescending(i => i.Id).Take(50).ToListAsync();
        return View(new WorkflowDetailViewModel(type, validator.Validate(type), instances));
    }

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => SetEnabledAsync(id, true);

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => SetEnabledAsync(id, false);

    [HttpGet("{id}/export")]
    public async Task<IActionResult> Export(string id)
    {
        var type = await store.GetAsync(id);
        return type is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(WorkflowTypeStore.ExportRecipe(type.Name, [type])), "application/json", $"workflow-{type.WorkflowTypeId}.recipe.json");
    }

    [HttpGet("instances/{instanceId:long}")]
    public async Task<IActionResult> Instance(long instanceId)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId);
        if (instance is null)
        {
            return NotFound();
        }

        var journal = await db.Set<WorkflowJournalEntry>().AsNoTracking().Where(j => j.WorkflowInstanceId == instanceId).OrderBy(j => j.Id).ToListAsync();
        return View(new WorkflowInstanceViewModel(instance, await store.GetAsync(instance.WorkflowTypeId), journal));
    }

    [HttpPost("instances/{instanceId:long}/retry")]
    public async Task<IActionResult> Retry(long instanceId)
    {
        var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.Id == instanceId);
        var type = instance is null ? null : await store.GetAsync(instance.WorkflowTypeId);
        if (instance is null || type is null)
        {
            return NotFound();
        }

        if (instance.Status != WorkflowStatus.Faulted)
        {
            TempData.Error(S["Only a faulted instance can be retried."]);
            return Redirect($"/admin/workflows/instances/{instanceId}");
        }

        await workflows.RetryAsync(instance, type, User.Identity?.Name, HttpContext.RequestAborted);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData.Error(S["The instance changed meanwhile; nothing was changed."]);
            return Redirect($"/admin/workflows/instances/{instanceId}");
        }

        if (instance.Status == WorkflowStatus.Faulted)
        {
            TempData.Error(S["The instance faulted again: {0}", instance.FaultMessage ?? ""]);
        }
        else
        {
            TempData.Success(S["The instance ran again."]);
        }

        return Redirect($"/admin/workflows/instances/{instanceId}");
    }

    private async Task<IActionResult> SetEnabledAsync(string id, bool enabled)
    {
        var type = await store.GetAsync(id);
        if (type is null)
        {
            return NotFound();
        }

        var problems = validator.Validate(type);
        if (enabled && problems.Count > 0)
        {
            TempData.Error(S["\"{0}\" cannot be enabled until its problems are solved.", type.Name]);
            return Redirect($"/admin/workflows/{Uri.EscapeDataString(id)}");
        }

        type.IsEnabled = enabled;
        await store.SaveAsync(type);
        await db.SaveChangesAsync();
        TempData.Success(enabled ? S["\"{0}\" is enabled.", type.Name] : S["\"{0}\" is disabled.", type.Name]);
        return Redirect("/admin/workflows");
    }

    private async Task<IActionResult> InvalidAsync(string? recipe, string message)
    {
        ModelState.AddModelError("recipe", message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await IndexModelAsync(recipe));
    }

    private async Task<WorkflowsIndexViewModel> IndexModelAsync(string? recipe)
    {
        var types = await store.ListAsync();
        var counts = await db.Set<WorkflowInstance>().AsNoTracking()
            .GroupBy(i => new { i.WorkflowTypeId, i.Status })
            .Select(g => new { g.Key.WorkflowTypeId, g.Key.Status, Count = g.Count() })
            .ToListAsync();
        int Count(string typeId, WorkflowStatus status) => counts.FirstOrDefault(c => c.WorkflowTypeId == typeId && c.Status == status)?.Count ?? 0;
        return new WorkflowsIndexViewModel(
            [.. types.Select(t => new WorkflowTypeRow(t.Row, t.Type,
                Count(t.Row.WorkflowTypeId, WorkflowStatus.Running), Count(t.Row.WorkflowTypeId, WorkflowStatus.Halted),
                Count(t.Row.WorkflowTypeId, WorkflowStatus.Faulted), Count(t.Row.WorkflowTypeId, WorkflowStatus.Finished)))],
            await ReviewedTypes.SettingsAsync(documents),
            recipe);
    }

    // The types of a whole recipe ({"variables", "steps": [{"name": "WorkflowType", "data": [...]}]}), of one step, or one
    // type. Orchard's exports name their ids through variables ("[js: variables('workflowTypeId')]" with "[js:uuid()]"):
    // those are resolved here; every other text, scripts of the activities included, is kept as it came.
    private static JsonArray StepData(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return [];
        }

        if (obj.GetProperty("WorkflowTypeId") is not null)
        {
            return [Resolve(obj, [])];
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in obj.GetProperty("variables") as JsonObject ?? [])
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text))
            {
                if (UuidScript().IsMatch(text))
                {
                    variables[name] = LiaisonSite.Core.ContentManagement.ContentItem.NewId();
                }
                else if (!text.TrimStart().StartsWith("[js:", StringComparison.OrdinalIgnoreCase))
                {
                    variables[name] = text;
                }
            }
        }

        var steps = obj.GetProperty("steps") is JsonArray array ? array.OfType<JsonObject>() : [obj];
        return [.. steps.Where(s => string.Equals(s.GetString("name"), WorkflowTypeStore.StepName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.GetArray("data")).Select(d => Resolve(d, variables))];
    }

    // A new tree: the node with every "[js: variables('x')]" text replaced by the variable's value.
    private static JsonNode? Resolve(JsonNode? node, Dictionary<string, string> variables) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value, variables)))),
        JsonArray a => new JsonArray([.. a.Select(n => Resolve(n, variables))]),
        JsonValue v when v.TryGetValue<string>(out var text) => JsonValue.Create(
            VariableScript().Match(text) is { Success: true } match && variables.TryGetValue(match.Groups[1].Value, out var value) ? value : text),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex(@"^\[js:\s*variables\(\s*['""]([^'""]+)['""]\s*\)\s*\]$", RegexOptions.IgnoreCase)]
    private static partial Regex VariableScript();

    [GeneratedRegex(@"^\[js:\s*uuid\(\s*\)\s*\]$", RegexOptions.IgnoreCase)]
    private static partial Regex UuidScript();
}
