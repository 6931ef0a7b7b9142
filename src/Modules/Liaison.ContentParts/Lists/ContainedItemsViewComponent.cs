using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.ContentParts.Lists;

public sealed record ContainedItemEntry(ContentItem Item, string? Url, IReadOnlyList<DisplayResult> Summary);

public sealed record ContainedItemsModel(IReadOnlyList<ContainedItemEntry> Items, Pager Pager);

/// <summary>
/// One page of a list's published items (newest first) from <see cref="ContainedPartIndex"/>: a count and one page of
/// rows, then only those versions are loaded. Items of a type the public may not read are left out (fail closed).
/// </summary>
public sealed class ContainedItemsViewComponent(
    LiaisonDbContext db,
    IContentDefinitionManager definitions,
    IPublicContentTypes publicTypes,
    IContentRouting routing,
    IContentDisplayManager display) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ListPartDisplayModel model)
    {
        var types = await PublicContainedTypesAsync(model.ContainedContentTypes);
        var rows = db.Set<ContainedPartIndex>().AsNoTracking()
            .Where(r => r.ListContentItemId == model.ListContentItemId && r.Published && types.Contains(r.ContentType));
        var requested = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 1;
        var (page, size) = Pager.Normalize(requested, model.PageSize, model.PageSize, ListPartSettings.MaxPageSize);
        var pager = new Pager(page, size, await rows.CountAsync());
        var versionIds = await rows
            .OrderByDescending(r => r.SortUtc).ThenByDescending(r => r.Id)
            .Skip(pager.Skip).Take(size)
            .Select(r => r.ContentItemVersionId)
            .ToListAsync();
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => versionIds.Contains(c.ContentItemVersionId) && c.Published)
            .ToListAsync();
        var urls = await routing.GetPathsAsync(items.Select(i => i.ContentItemId));
        var entries = new List<ContainedItemEntry>();
        foreach (var item in items.OrderBy(i => versionIds.IndexOf(i.ContentItemVersionId)))
        {
            entries.Add(new ContainedItemEntry(item, urls.GetValueOrDefault(item.ContentItemId), await display.BuildDisplayAsync(item, "Summary")));
        }

        return View(new ContainedItemsModel(entries, pager));
    }

    /// <summary>The list's contained types that the public may read; all public types when the settings name none.</summary>
    private async Task<List<string>> PublicContainedTypesAsync(IReadOnlyList<string> named)
    {
        var types = new List<string>();
        foreach (var type in await definitions.ListTypesAsync())
        {
            if ((named.Count == 0 || named.Any(n => string.Equals(n, type.Name, StringComparison.OrdinalIgnoreCase)))
                && await publicTypes.IsPublicAsync(type))
            {
                types.Add(type.Name);
            }
        }

        return types;
    }
}
