using Liaison.Contents.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents.Admin;

/// <summary>
/// Creates and edits content items with the editors the part and field drivers build. A save that is stale or
/// invalid re-renders the editor with the messages and writes nothing.
/// </summary>
[Admin]
[Route("admin/contents")]
public sealed class ContentEditorController(
    IContentManager contentManager,
    IContentDefinitionManager definitions,
    IContentTypeResolver types,
    IContentDisplayManager display,
    IAuthorizationService authorization,
    LiaisonDbContext db,
    ContentViewAudit audit,
    IEnumerable<IContentItemActions> itemActions,
    IEnumerable<IContentEditorPanel> panels,
    IStringLocalizer<ContentEditorController> S) : Controller
{
    [HttpGet("new/{type}")]
    [AuthorizeContent(ContentOperation.Edit)]
    public async Task<IActionResult> Create(string type)
    {
        if (await CreatableTypeAsync(type) is null)
        {
            return NotFound();
        }

        var item = await contentManager.NewAsync(type);
        return View("Edit", await EditorAsync(item, isNew: true, stamp: null));
    }

    [HttpPost("new/{type}")]
    [AuthorizeContent(ContentOperation.Edit)]
    public Task<IActionResult> CreateDraft(string type) => SaveNewAsync(type, publish: false);

    [HttpPost("new/{type}/publish")]
    [AuthorizeContent(ContentOperation.Publish)]
    public Task<IActionResult> CreateAndPublish(string type) => SaveNewAsync(type, publish: true);

    [HttpGet("{id}/edit")]
    [AuthorizeContent(ContentOperation.Edit)]
    public async Task<IActionResult> Edit(string id)
    {
        var item = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        await audit.ViewedAsync(User, [item], "editor");
        return View(await EditorAsync(item, isNew: false, item.ConcurrencyStamp));
    }

    [HttpPost("{id}/edit")]
    [AuthorizeContent(ContentOperation.Edit)]
    public Task<IActionResult> SaveDraft(string id, string? concurrencyStamp) => SaveAsync(id, concurrencyStamp, publish: false);

    [HttpPost("{id}/edit/publish")]
    [AuthorizeContent(ContentOperation.Publish)]
    public Task<IActionResult> SaveAndPublish(string id, string? concurrencyStamp) => SaveAsync(id, concurrencyStamp, publish: true);

    private async Task<IActionResult> SaveNewAsync(string type, bool publish)
    {
        if (await CreatableTypeAsync(type) is null)
        {
            return NotFound();
        }

        var item = await contentManager.NewAsync(type);
        var errors = await display.UpdateEditorAsync(item, Request.Form);
        if (errors.Count == 0)
        {
            errors = await TryAsync(() => contentManager.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft));
        }

        if (errors.Count > 0)
        {
            return InvalidEditor(errors, await EditorAsync(item, isNew: true, stamp: null));
        }

        await db.SaveChangesAsync();
        return Saved(item, publish);
    }

    private async Task<IActionResult> SaveAsync(string id, string? concurrencyStamp, bool publish)
    {
        try
        {
            await contentManager.EnsureCurrentAsync(id, concurrencyStamp);
        }
        catch (ContentConcurrencyException e)
        {
            return await StaleAsync(id, concurrencyStamp, e.Message);
        }

        var item = (await contentManager.GetAsync(id, VersionOptions.DraftRequired))!;
        var errors = await display.UpdateEditorAsync(item, Request.Form);
        if (errors.Count == 0)
        {
            errors = await TryAsync(() => contentManager.UpdateAsync(item, publish));
        }

        if (errors.Count > 0)
        {
            return InvalidEditor(errors, await EditorAsync(item, isNew: false, concurrencyStamp));
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save won the race between the stamp check above and this write.
            db.ChangeTracker.Clear();
            return await StaleAsync(id, concurrencyStamp,
                S["This item was saved by someone else at the same moment. Your changes were not saved: reload the item and make them again."]);
        }

        return Saved(item, publish);
    }

    /// <summary>
    /// Shows what the user typed so that nothing is lost, but keeps their stale stamp: saving again is refused
    /// until they reload the item.
    /// </summary>
    private async Task<IActionResult> StaleAsync(string id, string? concurrencyStamp, string message)
    {
        var latest = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        await display.UpdateEditorAsync(latest, Request.Form);
        ModelState.AddModelError("", message);
        return View("Edit", await EditorAsync(latest, isNew: false, concurrencyStamp));
    }

    private IActionResult Saved(ContentItem item, bool publish)
    {
        TempData.Success(publish ? S["'{0}' was published.", item.DisplayText] : S["The draft of '{0}' was saved.", item.DisplayText]);
        return RedirectToAction(nameof(Edit), new { id = item.ContentItemId });
    }

    private ViewResult InvalidEditor(IReadOnlyList<ContentValidationError> errors, ContentEditorViewModel model)
    {
        ModelState.AddContentErrors(errors);
        return View("Edit", model);
    }

    private static async Task<IReadOnlyList<ContentValidationError>> TryAsync(Func<Task> save)
    {
        try
        {
            await save();
            return [];
        }
        catch (ContentValidationException e)
        {
            return e.Errors;
        }
    }

    private async Task<ContentTypeDefinition?> CreatableTypeAsync(string type)
        => await types.ResolveAsync(type) is { TypeSettings.Creatable: true } definition ? definition : null;

    private async Task<ContentEditorViewModel> EditorAsync(ContentItem item, bool isNew, string? stamp)
    {
        var type = await definitions.GetTypeAsync(item.ContentType) ?? new ContentTypeDefinition { Name = item.ContentType };
        return new ContentEditorViewModel(
            item, type, await display.BuildEditorAsync(item), isNew, stamp,
            CanPublish: await MayAsync(item, ContentOperation.Publish),
            CanDelete: !isNew && await MayAsync(item, ContentOperation.Delete),
            CanPreview: !isNew && await MayAsync(item, ContentOperation.Preview),
            Actions: isNew ? [] : await ActionsAsync(item),
            Panels: isNew ? [] : await PanelsAsync(item));
    }

    /// <summary>Other modules' actions on the item (<see cref="IContentItemActions"/>), for this user.</summary>
    private async Task<IReadOnlyList<ContentItemAction>> ActionsAsync(ContentItem item)
    {
        var actions = new List<ContentItemAction>();
        foreach (var provider in itemActions)
        {
            actions.AddRange(await provider.ActionsAsync(item, User));
        }

        return actions;
    }

    // What other modules show about the item (IContentEditorPanel), in their order.
    private async Task<IReadOnlyList<DisplayResult>> PanelsAsync(ContentItem item)
    {
        var results = new List<DisplayResult>();
        foreach (var panel in panels)
        {
            if (await panel.BuildAsync(item, User, HttpContext.RequestAborted) is { } result)
            {
                results.Add(result);
            }
        }

        return [.. results.OrderBy(r => r.Position)];
    }

    // Only decides which buttons to show; the actions themselves are guarded by [AuthorizeContent].
    private async Task<bool> MayAsync(ContentItem item, ContentOperation operation)
        => (await authorization.AuthorizeAsync(User, item, ContentOperationRequirement.For(operation))).Succeeded;
}
