using Liaison.ContentTypes.Services;
using Liaison.ContentTypes.ViewModels;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentTypes.Controllers;

/// <summary>Edits one field's settings: its display name and the settings of its field type.</summary>
[Admin]
[RequirePermission("ContentTypes.Manage")]
[Route("admin/content-types/{name}/fields/{fieldName}")]
public sealed class ContentFieldsAdminController(IContentDefinitionManager definitions, IStringLocalizer<ContentFieldsAdminController> S)
    : Controller
{
    private FieldSettingsEditor Editor => HttpContext.RequestServices.GetRequiredService<FieldSettingsEditor>();

    [HttpGet("")]
    public async Task<IActionResult> Edit(string name, string fieldName)
        => await LoadAsync(name, fieldName) is var (type, _, field) && type is not null && field is not null
            ? View(new FieldEditViewModel { Type = type, Field = field, Inputs = Editor.Describe(field) })
            : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Edit(string name, string fieldName, string? displayName, [FromForm] Dictionary<string, string?> settings)
    {
        var (type, part, field) = await LoadAsync(name, fieldName);
        if (type is null || part is null || field is null)
        {
            return NotFound();
        }

        var errors = Editor.Apply(field, displayName, settings);
        if (errors.Count > 0)
        {
            // The posted values are shown again with the errors; nothing was stored.
            var inputs = Editor.Describe(field).Select(i => i with { Value = settings.GetValueOrDefault(i.Name) }).ToList();
            return View(new FieldEditViewModel { Type = type, Field = field, Inputs = inputs, Errors = errors });
        }

        await definitions.StorePartAsync(part);
        await HttpContext.RequestServices.GetRequiredService<ContentTypeEditorService>().SaveAsync();
        TempData.Success(S["The field settings were saved."]);
        return RedirectToAction(nameof(ContentTypesAdminController.Edit), "ContentTypesAdmin", new { name = type.Name });
    }

    private async Task<(ContentTypeDefinition? Type, ContentPartDefinition? Part, ContentPartFieldDefinition? Field)> LoadAsync(string name, string fieldName)
    {
        var type = await definitions.GetTypeAsync(name);
        var part = type is null ? null : await HttpContext.RequestServices.GetRequiredService<ContentFieldEditorService>().OwnPartAsync(type);
        var field = part?.Fields.FirstOrDefault(f => string.Equals(f.Name, fieldName, StringComparison.OrdinalIgnoreCase));
        return (type, part, field);
    }
}
