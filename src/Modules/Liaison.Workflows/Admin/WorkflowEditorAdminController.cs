using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using Liaison.Workflows.Engine;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Workflows.Admin;

/// <summary>A choice in the editor's pickers: the stored value and what a person reads.</summary>
public sealed record EditorOption(string Value, string Label);

/// <summary>
/// What the editor shows: the type being edited (not saved until "Save" passes validation), its problems by activity,
/// messages about the last operation, and the pickers' choices.
/// </summary>
internal sealed record WorkflowEditorViewModel(
    WorkflowTypeDefinition Type,
    bool IsNew,
    IReadOnlyList<WorkflowTypeProblem> Problems,
    IReadOnlyDictionary<string, List<string>> FieldErrors,
    IReadOnlyList<string> Messages,
    bool SaveRefused,
    IReadOnlyList<WorkflowActivity> Activities,
    IReadOnlyList<EditorOption> Roles,
    IReadOnlyList<EditorOption> ContentTypes,
    IReadOnlyDictionary<string, int> BlockedActivities)
{
    public string Action => IsNew ? "/admin/workflows/new" : $"/admin/workflows/{Uri.EscapeDataString(Type.WorkflowTypeId)}/edit";

    public WorkflowActivity? Find(string name) => Activities.FirstOrDefault(a => a.Name == name);

    public IEnumerable<WorkflowTypeProblem> ProblemsOf(string activityId) => Problems.Where(p => p.ActivityId == activityId);

    public IReadOnlyList<string> ErrorsOf(string key) => FieldErrors.TryGetValue(key, out var list) ? list : [];
}

/// <summary>
/// The in-browser editor of workflow types (Administrator): plain forms, server-rendered, so it works without
/// JavaScript. Every button posts the whole editor (the type so far in a hidden field, plus every visible field) and
/// the server applies the operation and renders the editor again; only "Save" writes, after validation.
/// </summary>
[Admin]
[RequirePermission(Permissions.ManageName)]
[Route("admin/workflows")]
internal sealed class WorkflowEditorAdminController(
    LiaisonDbContext db, WorkflowTypeStore store, WorkflowTypeValidator validator, ActivityRegistry registry,
    IContentDefinitionManager definitions, RoleLabels roleLabels, IStringLocalizer<WorkflowEditorAdminController> S) : Controller
{
    public const string DefinitionField = "definition";
    public const int MaxActivities = 100;
    private const int MaxCoordinate = 100_000;

    [HttpGet("new")]
    public async Task<IActionResult> New()
    {
        var type = new WorkflowTypeDefinition { WorkflowTypeId = ContentItem.NewId(), Name = "" };
        return View("Edit", await ModelAsync(type, isNew: true, new(), [], saveRefused: false));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        var type = await store.GetAsync(id);
        return type is null ? NotFound() : View("Edit", await ModelAsync(type, isNew: false, new(), [], saveRefused: false));
    }

    [HttpPost("new")]
    public Task<IActionResult> PostNew(string? op) => PostAsync(null, op);

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> PostEdit(string id, string? op)
        => await store.GetAsync(id) is null ? NotFound() : await PostAsync(id, op);

    private async Task<IActionResult> PostAsync(string? id, string? op)
    {
        var isNew = id is null;
        WorkflowTypeDefinition type;
        try
        {
            type = WorkflowTypeDefinition.FromJson(Request.Form[DefinitionField].ToString() is { Length: > 0 } json ? json : "{}");
        }
        catch (JsonException)
        {
            return BadRequest(S["The editor's state is not valid; open the editor again."].Value);
        }

        if (isNew ? string.IsNullOrWhiteSpace(type.WorkflowTypeId) || type.WorkflowTypeId.Length > 64 : type.WorkflowTypeId != id)
        {
            return BadRequest(S["The editor's state is not valid; open the editor again."].Value);
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var messages = new List<string>();
        ReadFields(type, errors);

        var command = op ?? "apply";
        if (command == "add")
        {
            Add(type, Request.Form["newActivity"].ToString(), messages);
        }
        else if (command.StartsWith("remove:", StringComparison.Ordinal))
        {
            await RemoveAsync(type, isNew, command["remove:".Length..], messages);
        }
        else if (command == "connect")
        {
            Connect(type, Request.Form["connectFrom"].ToString(), Request.Form["connectTo"].ToString(), messages);
        }
        else if (command.StartsWith("disconnect:", StringComparison.Ordinal))
        {
            if (int.TryParse(command["disconnect:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < type.Transitions.Count)
            {
                type.Transitions.RemoveAt(index);
            }
        }
        else if (command == "save")
        {
            return await SaveAsync(type, isNew, errors, messages);
        }

        return View("Edit", await ModelAsync(type, isNew, errors, messages, saveRefused: false));
    }

    private async Task<IActionResult> SaveAsync(WorkflowTypeDefinition type, bool isNew, Dictionary<string, List<string>> errors, List<string> messages)
    {
        var problems = validator.Validate(type);
        if (isNew && await store.GetAsync(type.WorkflowTypeId) is not null)
        {
            messages.Add(S["A workflow type with this id already exists; open the editor again."]);
        }

        if (!isNew && await store.GetAsync(type.WorkflowTypeId) is { } stored)
        {
            var kept = type.Activities.Select(a => a.ActivityId).ToHashSet(StringComparer.Ordinal);
            foreach (var removed in stored.Activities.Where(a => !kept.Contains(a.ActivityId)))
            {
                if (await BlockedCountAsync(type.WorkflowTypeId, removed.ActivityId) is > 0 and var count)
                {
                    messages.Add(S["\"{0}\" cannot be removed: {1} instance(s) wait on it or faulted at it.", removed.Title, count]);
                }
            }
        }

        if (string.IsNullOrWhiteSpace(type.Name))
        {
            Error(errors, "Name", S["Give the workflow a name."]);
        }

        if (problems.Count > 0 || errors.Count > 0 || messages.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await ModelAsync(type, isNew, errors, messages, saveRefused: true));
        }

        await store.SaveAsync(type, HttpContext.RequestAborted);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData.Success(S["\"{0}\" was saved.", type.Name]);
        return Redirect($"/admin/workflows/{Uri.EscapeDataString(type.WorkflowTypeId)}");
    }

    // The visible fields: the type's settings, and each activity's title, start, place and declared properties.
    private void ReadFields(WorkflowTypeDefinition type, Dictionary<string, List<string>> errors)
    {
        var form = Request.Form;
        if (form.ContainsKey("Name"))
        {
            type.Name = form["Name"].ToString().Trim();
            if (type.Name.Length > 200)
            {
                Error(errors, "Name", S["At most {0} characters.", 200]);
                type.Name = type.Name[..200];
            }

            type.IsEnabled = form["IsEnabled"] == "true";
            type.IsSingleton = form["IsSingleton"] == "true";
            type.DeleteFinishedWorkflows = form["DeleteFinishedWorkflows"] == "true";
        }

        foreach (var activity in type.Activities)
        {
            var prefix = Prefix(activity.ActivityId);
            if (!form.ContainsKey(prefix + "present"))
            {
                continue;
            }

            activity.IsStart = form[prefix + "IsStart"] == "true";
            activity.X = Coordinate(form[prefix + "X"].ToString(), activity.X, prefix + "X", errors);
            activity.Y = Coordinate(form[prefix + "Y"].ToString(), activity.Y, prefix + "Y", errors);
            var title = form[prefix + "Title"].ToString().Trim();
            if (title != activity.Title)
            {
                var metadata = activity.Properties["ActivityMetadata"] as JsonObject ?? [];
                metadata["Title"] = title;
                activity.Properties["ActivityMetadata"] = metadata;
            }

            if (registry.Find(activity.Name) is not { } kind)
            {
                continue;
            }

            foreach (var property in kind.EditableProperties)
            {
                var key = prefix + "p." + property.Name;
                var values = form[key];
                var existing = activity.Properties[property.Name];
                switch (property.Kind)
                {
                    case ActivityPropertyKind.Flag:
                        var on = values == "true";
                        if (on || existing is not null)
                        {
                            activity.Properties[property.Name] = on;
                        }

                        break;
                    case ActivityPropertyKind.Lines or ActivityPropertyKind.Roles or ActivityPropertyKind.ContentTypes:
                        var items = (property.Kind == ActivityPropertyKind.Lines
                                ? values.ToString().Split('\n')
                                : values.Select(v => v ?? ""))
                            .Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                        if (items.Count > 0 || existing is not null)
                        {
                            activity.Properties[property.Name] = new JsonArray([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);
                        }

                        break;
                    default:
                        var text = values.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
                        if (property.Kind is not (ActivityPropertyKind.MultilineLiquid or ActivityPropertyKind.Script))
                        {
                            text = text.Trim();
                        }

                        if (existing is JsonObject expression)
                        {
                            expression["Expression"] = text;
                        }
                        else if (text.Length > 0 || existing is not null)
                        {
                            activity.Properties[property.Name] = text;
                        }

                        break;
                }
            }
        }
    }

    private void Add(WorkflowTypeDefinition type, string name, List<string> messages)
    {
        if (registry.Find(name) is not { } kind)
        {
            messages.Add(S["Choose an activity to add."]);
            return;
        }

        if (type.Activities.Count >= MaxActivities)
        {
            messages.Add(S["A workflow has at most {0} activities.", MaxActivities]);
            return;
        }

        var n = type.Activities.Count;
        type.Activities.Add(new ActivityRecord
        {
            ActivityId = ContentItem.NewId(),
            Name = kind.Name,
            X = n % 3 * 280,
            Y = n == 0 ? 0 : n % 3 == 0 ? type.Activities.Max(a => a.Y) + 170 : type.Activities.Max(a => a.Y),
            IsStart = kind.IsEvent && !type.Activities.Any(a => a.IsStart),
            Properties = new JsonObject { ["ActivityMetadata"] = new JsonObject { ["Title"] = S[kind.DisplayName].Value } },
        });
    }

    private async Task RemoveAsync(WorkflowTypeDefinition type, bool isNew, string activityId, List<string> messages)
    {
        var activity = type.Activity(activityId);
        if (activity is null)
        {
            return;
        }

        if (!isNew && await BlockedCountAsync(type.WorkflowTypeId, activityId) is > 0 and var count)
        {
            messages.Add(S["\"{0}\" cannot be removed: {1} instance(s) wait on it or faulted at it.", activity.Title, count]);
            return;
        }

        type.Activities.Remove(activity);
        type.Transitions.RemoveAll(t => t.SourceActivityId == activityId || t.DestinationActivityId == activityId);
    }

    private void Connect(WorkflowTypeDefinition type, string from, string to, List<string> messages)
    {
        var bar = from.IndexOf('|', StringComparison.Ordinal);
        var source = bar > 0 ? type.Activity(from[..bar]) : null;
        var outcome = bar > 0 ? from[(bar + 1)..] : "";
        var destination = type.Activity(to);
        if (source is null || destination is null || registry.Find(source.Name) is not { } kind
            || !kind.Outcomes(source).Contains(outcome, StringComparer.Ordinal))
        {
            messages.Add(S["Choose an outcome and the activity it leads to."]);
            return;
        }

        if (type.Transitions.Any(t => t.SourceActivityId == source.ActivityId && t.SourceOutcomeName == outcome && t.DestinationActivityId == destination.ActivityId))
        {
            messages.Add(S["That transition is already there."]);
            return;
        }

        type.Transitions.Add(new TransitionRecord { SourceActivityId = source.ActivityId, SourceOutcomeName = outcome, DestinationActivityId = destination.ActivityId });
    }

    // Instances that wait on the activity, faulted at it (a retry runs it again) or have its task open.
    private async Task<int> BlockedCountAsync(string typeId, string activityId)
    {
        var quoted = JsonSerializer.Serialize(activityId);
        return await db.Set<WorkflowInstance>().AsNoTracking()
            .Where(i => i.WorkflowTypeId == typeId && i.Status != WorkflowStatus.Finished)
            .CountAsync(i => i.BlockingActivities.Contains(quoted) || i.FaultedActivityId == activityId, HttpContext.RequestAborted);
    }

    private async Task<Dictionary<string, int>> BlockedActivitiesAsync(WorkflowTypeDefinition type, bool isNew)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (isNew)
        {
            return result;
        }

        var open = await db.Set<WorkflowInstance>().AsNoTracking()
            .Where(i => i.WorkflowTypeId == type.WorkflowTypeId && i.Status != WorkflowStatus.Finished)
            .Select(i => new { i.BlockingActivities, i.FaultedActivityId }).ToListAsync(HttpContext.RequestAborted);
        foreach (var instance in open)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                ids.UnionWith(JsonSerializer.Deserialize<List<string>>(instance.BlockingActivities) ?? []);
            }
            catch (JsonException)
            {
            }

            if (instance.FaultedActivityId is { } faulted)
            {
                ids.Add(faulted);
            }

            foreach (var id in ids)
            {
                result[id] = result.GetValueOrDefault(id) + 1;
            }
        }

        return result;
    }

    private async Task<WorkflowEditorViewModel> ModelAsync(
        WorkflowTypeDefinition type, bool isNew, Dictionary<string, List<string>> errors, IReadOnlyList<string> messages, bool saveRefused)
    {
        var roles = (await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(HttpContext.RequestAborted))
            .Where(r => !RoleNames.IsSystem(r)).Order(StringComparer.Ordinal).Select(r => new EditorOption(r, roleLabels.For(r))).ToList();
        var types = (await definitions.ListTypesAsync())
            .Select(t => new EditorOption(t.Name, string.IsNullOrWhiteSpace(t.DisplayName) ? t.Name : t.DisplayName))
            .OrderBy(t => t.Label, StringComparer.Ordinal).ToList();
        return new WorkflowEditorViewModel(type, isNew, validator.Validate(type), errors, messages, saveRefused,
            [.. registry.All], roles, types, await BlockedActivitiesAsync(type, isNew));
    }

    private int Coordinate(string text, int current, string key, Dictionary<string, List<string>> errors)
    {
        if (text.Length == 0)
        {
            return current;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= MaxCoordinate)
        {
            return value;
        }

        Error(errors, key, S["A whole number between {0} and {1}.", -MaxCoordinate, MaxCoordinate]);
        return current;
    }

    private static void Error(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }

    public static string Prefix(string activityId) => "act." + activityId + ".";
}
