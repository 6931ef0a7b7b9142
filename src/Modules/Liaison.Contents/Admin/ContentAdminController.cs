using Liaison.Contents.Security;
using Liaison.Contents.Services;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
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
    IContentTypeResolver types,
    IContentDisplayManager display,
    ContentQueries queries,
    LiaisonDbContext db,
    ContentViewAudit audit,
    IAuthorizationService authorization,
    Scheduling.ScheduledPublishing scheduling,
    IStringLocalizer<ContentAdminController> S) : Controller
{
    [HttpGet("")]
    [AuthorizeContent(ContentOperation.View)]
    public async Task<IActionResult> List([FromQuery] ContentListFilter filter)
    {
        IQueryable<ContentItem> query;
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            // The list compares stored (canonical) names, so "contact" is resolved to "Contact"; an unknown name lists nothing.
            var type = (await types.ResolveAsync(filter.Type))?.Name;
            query = type is null ? (await queries.AdminListAsync(User)).Where(c => false) : await queries.AdminListAsync(User, type);
        }
        else
        {
            // 全部内容 lists the listable types only: records such as contact assignments (Listable off) have pages
            // of their own and are not publishable content; asked for by type they are still listed.
            var unlisted = (await definitions.ListTypesAsync()).Where(t => !t.TypeSettings.Listable).Select(t => t.Name).ToList();
            query = await queries.AdminListAsync(User);
            if (unlisted.Count > 0)
            {
                query = query.Where(c => !unlisted.Contains(c.ContentType));
            }
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

        var substring = !string.IsNullOrWhiteSpace(filter.Q);
        if (substring)
        {
            query = query.Where(c => c.DisplayText.Contains(filter.Q!.Trim()));
        }

        var ordered = filter.Sort == "modified-asc"
            ? query.OrderBy(c => c.ModifiedUtc).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.ModifiedUtc).ThenByDescending(c => c.Id);
        var (page, pageSize) = Pager.Normalize(filter.Page, filter.PageSize);
        var items = await ordered.Skip(Pager.SkipOf(page, pageSize)).Take(pageSize).ToListAsync();
        var pager = Pager.TotalOf(page, pageSize, items.Count) is { } total ? new Pager(page, pageSize, total)
            : substring ? await CountSubstringMatchesAsync(query, page, pageSize)
            : new Pager(page, pageSize, await query.CountAsync());
        var all = await definitions.ListTypesAsync();
        var allowed = new Dictionary<string, ContentItemPermissions>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            allowed[item.ContentItemId] = new ContentItemPermissions(
                await MayAsync(item, ContentOperation.Edit),
                await MayAsync(item, ContentOperation.Publish),
                await MayAsync(item, ContentOperation.Delete));
        }

        var creatable = new List<ContentTypeDefinition>();
        foreach (var type in all.Where(t => t.TypeSettings.Creatable))
        {
            // The same check as the new item's endpoint (/admin/contents/new/{type}).
            if (await MayAsync(new ContentItem { ContentType = type.Name, Owner = User.Identity?.Name ?? "" }, ContentOperation.Edit))
            {
                creatable.Add(type);
            }
        }

        var schedules = await scheduling.ForItemsAsync(items.Select(i => i.ContentItemId), HttpContext.RequestAborted);
        return View(new ContentListViewModel(filter, items, pager, all, creatable, schedules)
        {
            Allowed = allowed,
            Names = await NamesAsync(items.Select(i => i.Owner)),
        });
    }

    /// <summary>
    /// The pager of a text-filtered list, counted ten pages past this one. No index serves a substring, so an exact
    /// count reads every latest row: 258,000 of them take 110 ms on SQLite whatever the page (issue 14's data scale),
    /// the page itself 2–30 ms. Past the limit the pager says "or more". The range on the type is always true (no type
    /// name is empty); it lets SQLite read the rows from the latest-by-type index, which holds the title, instead of
    /// the table with every item's JSON.
    /// </summary>
    private static async Task<Pager> CountSubstringMatchesAsync(IQueryable<ContentItem> query, int page, int pageSize)
    {
        var limit = Pager.CountLimit(page, pageSize);
        var found = await query.Where(c => string.Compare(c.ContentType, "") > 0).Take(limit + 1).CountAsync();
        return new Pager(page, pageSize, found) { TotalIsLowerBound = found > limit };
    }

    /// <summary>The display names of the given login names, in one query.</summary>
    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> logins)
    {
        var wanted = logins.Where(l => !string.IsNullOrEmpty(l)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var rows = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null && u.DisplayName != null && u.DisplayName != "" && wanted.Contains(u.UserName))
            .Select(u => new { u.UserName, u.DisplayName })
            .ToListAsync();
        return rows.ToDictionary(r => r.UserName!, r => r.DisplayName!, StringComparer.Ordinal);
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

    /// <summary>
    /// The history, each version authorized on its own: a version of another type than the item's, or outside what
    /// the caller may see (a contact's version from another branch), is not listed, not even by its title.
    /// </summary>
    [HttpGet("{id}/versions")]
    [AuthorizeContent(ContentOperation.Edit)]
    public async Task<IActionResult> Versions(string id)
    {
        var versions = await contentManager.GetVersionsAsync(id);
        var latest = versions.First(v => v.Latest);
        var shown = new List<ContentItem>();
        foreach (var version in versions)
        {
            if (version.ContentType == latest.ContentType && await MayAsync(version, ContentOperation.View))
            {
                shown.Add(version);
            }
        }

        var draftable = (await types.ResolveAsync(latest.ContentType))?.TypeSettings.Draftable ?? false;
        return View(new ContentVersionsViewModel(latest, shown, draftable) { Names = await NamesAsync(shown.Select(v => v.Author)) });
    }

    /// <summary>
    /// Makes an earlier version the latest again. Authorized against that version (its type and scope, not only the
    /// latest's), and saved as any save is: the handlers and validation run on it, and a type without drafts is
    /// published (which needs the right to publish).
    /// </summary>
    [HttpPost("{id}/versions/{versionId}/restore")]
    [AuthorizeContent(ContentOperation.Edit)]
    public async Task<IActionResult> Restore(string id, string versionId)
    {
        var latest = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
        if (await contentManager.GetVersionAsync(versionId) is not { } version || version.ContentItemId != id
            || version.ContentType != latest.ContentType || !await MayAsync(version, ContentOperation.Edit))
        {
            return NotFound();
        }

        var publish = !((await types.ResolveAsync(latest.ContentType))?.TypeSettings.Draftable ?? false);
        if (publish && !await MayAsync(latest, ContentOperation.Publish))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var restored = await contentManager.RestoreAsync(versionId);
        try
        {
            await contentManager.UpdateAsync(restored, publish);
        }
        catch (ContentValidationException e)
        {
            db.ChangeTracker.Clear();
            TempData.Error(S["The version was not restored: {0}", string.Join(" ", e.Errors.Select(error => error.Message))]);
            return RedirectToAction(nameof(Versions), new { id });
        }

        await db.SaveChangesAsync();
        TempData.Success(publish
            ? S["An earlier version of '{0}' was restored and published.", restored.DisplayText]
            : S["An earlier version of '{0}' was restored as a draft.", restored.DisplayText]);
        return RedirectToAction(nameof(ContentEditorController.Edit), "ContentEditor", new { id });
    }

    private async Task<bool> MayAsync(ContentItem item, ContentOperation operation)
        => (await authorization.AuthorizeAsync(User, item, ContentOperationRequirement.For(operation))).Succeeded;

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
