using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Forms;

/// <summary>
/// Forms for signed-in users at /admin/forms/{type}, offered to the roles the type's FormPart settings name (403 for
/// others, 404 for a type that is not a form); and, for Forms.Manage, which types are forms and to whom
/// (/admin/forms/{type}/settings) — an administrator composes a type of fields in 内容类型 and makes it a form here.
/// </summary>
[Admin]
public sealed class FormsAdminController(
    FormTypes types,
    FormSubmissions submissions,
    IContentDefinitionManager definitions,
    IContentTypeResolver resolver,
    IPermissionService permissions,
    LiaisonDbContext db,
    IStringLocalizer<FormsAdminController> S) : Controller
{
    [HttpGet("/admin/forms")]
    public async Task<IActionResult> Index()
    {
        var forms = await types.ListAsync();
        IReadOnlyList<FormSettingsRow>? managed = null;
        if (await permissions.HasPermissionAsync(User, Permissions.Manage.Name))
        {
            managed = [.. (await definitions.ListTypesAsync())
                .Select(t => new FormSettingsRow(t.Name, string.IsNullOrWhiteSpace(t.DisplayName) ? t.Name : t.DisplayName, FormTypes.Of(t)))
                .OrderBy(r => r.Form is null).ThenBy(r => r.DisplayName, StringComparer.Ordinal)];
        }

        return View(new FormListModel([.. forms.Where(f => f.OfferedTo(User))], managed));
    }

    [HttpGet("/admin/forms/{type}")]
    public async Task<IActionResult> Fill(string type)
    {
        if (await types.ResolveAsync(type) is not { } form)
        {
            return NotFound();
        }

        if (!form.OfferedTo(User))
        {
            return Forbid();
        }

        var item = await submissions.NewAsync(form);
        return View(new FormFillModel(form, await submissions.EditorsAsync(item), $"/admin/forms/{form.Name}"));
    }

    [HttpPost("/admin/forms/{type}")]
    public async Task<IActionResult> Submit(string type, CancellationToken cancellationToken)
    {
        if (await types.ResolveAsync(type) is not { } form)
        {
            return NotFound();
        }

        if (!form.OfferedTo(User))
        {
            return Forbid();
        }

        var result = await submissions.SubmitAsync(form, User, Request.Form, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddContentErrors(result.Errors);
            return View("Fill", new FormFillModel(form, await submissions.EditorsAsync(result.Item), $"/admin/forms/{form.Name}"));
        }

        TempData.Success(string.IsNullOrWhiteSpace(form.Settings.SuccessMessage)
            ? S["Thank you. Your submission has been received."] : form.Settings.SuccessMessage);
        return Redirect($"/admin/forms/{form.Name}");
    }

    [HttpGet("/admin/forms/{type}/settings")]
    [RequirePermission(Permissions.ManageName)]
    public async Task<IActionResult> Settings(string type)
        => await resolver.ResolveAsync(type) is { } definition ? View(await SettingsModelAsync(definition)) : NotFound();

    [HttpPost("/admin/forms/{type}/settings")]
    [RequirePermission(Permissions.ManageName)]
    public async Task<IActionResult> SaveSettings(
        string type, bool isForm, bool isPublic, string? successMessage, List<string>? roles)
    {
        if (await resolver.ResolveAsync(type) is not { } definition)
        {
            return NotFound();
        }

        var known = await RolesAsync();
        var chosen = (roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.FirstOrDefault(r => !known.Contains(r, StringComparer.Ordinal)) is { } unknown)
        {
            ModelState.AddModelError("roles", S["There is no role named '{0}'.", unknown]);
        }

        if (successMessage is { Length: > 500 })
        {
            ModelState.AddModelError("successMessage", S["The message can have at most {0} characters.", 500]);
        }

        var settings = new FormPartSettings { Roles = chosen, Public = isPublic, SuccessMessage = successMessage?.Trim() };
        if (!ModelState.IsValid)
        {
            return View("Settings", new FormSettingsModel(definition.Name, DisplayName(definition), isForm, settings, known));
        }

        definition.Parts.RemoveAll(p => p.PartName == FormTypes.PartName);
        if (isForm)
        {
            var part = new ContentTypePartDefinition { Name = FormTypes.PartName, PartName = FormTypes.PartName };
            part.Settings.SetSettings(settings);
            definition.Parts.Add(part);
        }

        await definitions.StoreTypeAsync(definition);
        await db.SaveChangesAsync();
        TempData.Success(isForm ? S["'{0}' is a form now.", DisplayName(definition)] : S["'{0}' is no longer a form.", DisplayName(definition)]);
        return Redirect("/admin/forms");
    }

    private async Task<FormSettingsModel> SettingsModelAsync(ContentTypeDefinition definition)
    {
        var form = FormTypes.Of(definition);
        return new FormSettingsModel(definition.Name, DisplayName(definition), form is not null, form?.Settings ?? new FormPartSettings(), await RolesAsync());
    }

    // The roles a user can hold (the system roles Anonymous and Authenticated are not held: "public" stands for them).
    private async Task<IReadOnlyList<string>> RolesAsync()
        => [.. (await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync()).Where(r => !RoleNames.IsSystem(r)).Order(StringComparer.Ordinal)];

    private static string DisplayName(ContentTypeDefinition definition)
        => string.IsNullOrWhiteSpace(definition.DisplayName) ? definition.Name : definition.DisplayName;
}
