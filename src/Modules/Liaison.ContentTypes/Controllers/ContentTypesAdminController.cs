using Liaison.ContentTypes.Services;
using Liaison.ContentTypes.ViewModels;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentTypes.Controllers;

/// <summary>Lists, creates, edits and deletes content types; the fields live in the type's own part.</summary>
[Admin]
[RequirePermission("ContentTypes.Manage")]
[Route("admin/content-types")]
public sealed class ContentTypesAdminController(IContentDefinitionManager definitions, IStringLocalizer<ContentTypesAdminController> S)
    : Controller
{
    private ContentTypeEditorService Types => HttpContext.RequestServices.GetRequiredService<ContentTypeEditorService>();

    private ContentFieldEditorService Fields => HttpContext.RequestServices.GetRequiredService<ContentFieldEditorService>();

    [HttpGet("")]
    public async Task<IActionResult> Index()
        => View((await definitions.ListTypesAsync()).OrderBy(t => t.DisplayName, StringComparer.CurrentCulture).ToList());

    [HttpPost("create")]
    public async Task<IActionResult> Create(string? name, string? displayName)
    {
        if (await Types.CreateTypeAsync(name, displayName) is { } error)
        {
            TempData.Error(error);
            return RedirectToAction(nameof(Index));
        }

        await Types.SaveAsync();
        TempData.Success(S["The content type was created."]);
        return RedirectToAction(nameof(Edit), new { name = name!.Trim() });
    }

    [HttpGet("{name}")]
    public async Task<IActionResult> Edit(string name)
    {
        if (await definitions.GetTypeAsync(name) is not { } type)
        {
            return NotFound();
        }

        var ownPart = await Fields.OwnPartAsync(type);
        ownPart?.Fields.Sort((a, b) => a.Position.CompareTo(b.Position));
        type.Parts.Sort((a, b) => a.Position.CompareTo(b.Position));
        return View(new TypeEditViewModel
        {
            Type = type,
            OwnPart = ownPart,
            AvailableParts = await Types.AvailablePartsAsync(type),
            FieldTypes = Types.FieldTypes,
            HasItems = await Types.HasItemsAsync(type.Name),
        });
    }

    [HttpPost("{name}")]
    public Task<IActionResult> Update(string name, string? displayName, bool creatable, bool listable, bool draftable, bool versionable, bool securable)
        => ChangeAsync(name, type => Types.UpdateTypeAsync(type, displayName, new ContentTypeSettings
        {
            Creatable = creatable, Listable = listable, Draftable = draftable, Versionable = versionable, Securable = securable,
        }));

    [HttpPost("{name}/parts/add")]
    public Task<IActionResult> AddPart(string name, string? partName) => ChangeAsync(name, type => Types.AddPartAsync(type, partName));

    [HttpPost("{name}/parts/{partName}/remove")]
    public Task<IActionResult> RemovePart(string name, string partName) => ChangeAsync(name, type => Types.RemovePartAsync(type, partName));

    [HttpPost("{name}/parts/{partName}/move")]
    public Task<IActionResult> MovePart(string name, string partName, string? direction)
        => ChangeAsync(name, type => Types.MovePartAsync(type, partName, direction == "up"));

    [HttpPost("{name}/fields/add")]
    public Task<IActionResult> AddField(string name, string? fieldName, string? fieldDisplayName, string? fieldType)
        => ChangeAsync(name, type => Fields.AddFieldAsync(type, fieldName, fieldDisplayName, fieldType));

    [HttpPost("{name}/fields/{fieldName}/remove")]
    public Task<IActionResult> RemoveField(string name, string fieldName) => ChangeAsync(name, type => Fields.RemoveFieldAsync(type, fieldName));

    [HttpPost("{name}/fields/{fieldName}/move")]
    public Task<IActionResult> MoveField(string name, string fieldName, string? direction)
        => ChangeAsync(name, type => Fields.MoveFieldAsync(type, fieldName, direction == "up"));

    [HttpPost("{name}/delete")]
    public async Task<IActionResult> Delete(string name)
    {
        if (await definitions.GetTypeAsync(name) is not { } type)
        {
            return NotFound();
        }

        if (await Types.DeleteTypeAsync(type) is { } error)
        {
            TempData.Error(error);
            return RedirectToAction(nameof(Edit), new { name });
        }

        await Types.SaveAsync();
        TempData.Success(S["The content type was deleted."]);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Loads the type, applies one change, saves once on success and shows the outcome on the edit page.</summary>
    private async Task<IActionResult> ChangeAsync(string name, Func<ContentTypeDefinition, Task<string?>> change)
    {
        if (await definitions.GetTypeAsync(name) is not { } type)
        {
            return NotFound();
        }

        if (await change(type) is { } error)
        {
            TempData.Error(error);
        }
        else
        {
            await Types.SaveAsync();
            TempData.Success(S["Your changes were saved."]);
        }

        return RedirectToAction(nameof(Edit), new { name = type.Name });
    }
}
