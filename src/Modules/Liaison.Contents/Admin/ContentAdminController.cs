using Liaison.Contents.Security;
using Liaison.Contents.Services;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents.Admin;

/// <summary>The content list and the actions on one item: publish, unpublish, delete, history, preview.</summary>
[Admin]
[Route("admin/contents")]
public sealed class ContentAdminController(
    IContentManager contentManager,
    IContentDefinitionManager definitions,
    IContentDisplayManager display,
    ContentQueries queries,
    LiaisonDbContext db,
    ContentViewAudit audit,
    IStringLocalizer<ContentAdminController> S) : Controller
{
    [HttpGet("")]
    [AuthorizeContent(ContentOperation.View)]
    public async Task<IActionResult> List([FromQuery] ContentListFilter filter)
    {
        var query = await queries.AdminListAsync(User);
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            query = query.Where(c => c.ContentType == filter.Type);
        }

        query = filter.Status switch
        {
            "draft" => query.Where(c => !c.Published),
            "published" => query.Where(c => c.Published),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(filter.Owner))
        {
            query = query.Where(c => c.Owner == filter.Owner.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            query = query.Where(c => c.DisplayText.Contains(filter.Q.Trim()));
        }

        query = filter.Sort == "modified-asc"
            ? query.OrderBy(c => c.ModifiedUtc).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.ModifiedUtc).ThenByDescending(c => c.Id);
        var (page, pageSize) = Pager.Normalize(filter.Page, filter.PageSize);
        var pager = new Pager(page, pageSize, await query.CountAsync());
        var items = await query.Skip(pager.Skip).Take(pageSize).ToListAsync();
        var types = await definitions.ListTypesAsync();
        return View(new ContentListViewModel(filter, items, pager, types, [.. types.Where(t => t.TypeSettings.Creatable)]));
    }

    [HttpPost("{id}/publish")]
    [AuthorizeContent(ContentOperation.Publish)]
    public async Task<IActionResult> Publish(string id)
    {
        var item = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        await contentManager.PublishAsync(item);
        await db.SaveChangesAsync();
        TempData.Success(S["'{0}' was published.", item.DisplayText]);
        return RedirectToAction(nameof(List));
    }

    [HttpPost("{id}/unpublish")]
    [AuthorizeContent(ContentOperation.Publish)]
    public async Task<IActionResult> Unpublish(string id)
    {
        var item = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        await contentManager.UnpublishAsync(item);
        await db.SaveChangesAsync();
        TempData.Success(S["'{0}' was unpublished.", item.DisplayText]);
        return RedirectToAction(nameof(List));
    }

    [HttpPost("{id}/delete")]
    [AuthorizeContent(ContentOperation.Delete)]
    public async Task<IActionResult> Delete(string id)
    {
        var item = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        await contentManager.RemoveAsync(item);
        await db.SaveChangesAsync();
        TempData.Success(S["'{0}' was deleted.", item.DisplayText]);
        return RedirectToAction(nameof(List));
    }

    [HttpGet("{id}/versions")]
    [AuthorizeContent(ContentOperation.Edit)]
    public async Task<IActionResult> Versions(string id)
    {
        var versions = await contentManager.GetVersionsAsync(id);
        return View(new ContentVersionsViewModel(versions.First(v => v.Latest), versions));
    }

    [HttpPost("{id}/versions/{versionId}/restore")]
    [AuthorizeContent(ContentOperation.Edit)]
    public async Task<IActionResult> Restore(string id, string versionId)
    {
        if (await contentManager.GetVersionAsync(versionId) is not { } version || version.ContentItemId != id)
        {
            return NotFound();
        }

        var draft = await contentManager.RestoreAsync(versionId);
        await db.SaveChangesAsync();
        TempData.Success(S["An earlier version of '{0}' was restored as a draft.", draft.DisplayText]);
        return RedirectToAction(nameof(ContentEditorController.Edit), "ContentEditor", new { id });
    }

    /// <summary>The latest version as the public would see it once published. Never cached.</summary>
    [HttpGet("{id}/preview")]
    [AuthorizeContent(ContentOperation.Preview)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Preview(string id)
    {
        var item = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        await audit.ViewedAsync(User, [item], "preview");
        return View(new ContentPreviewViewModel(item, await display.BuildDisplayAsync(item, "Detail")));
    }
}
