using System.Text.Json.Nodes;
using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.Fields;
using Liaison.Publicity.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Settings;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Publicity.Listing;

/// <summary>
/// Published items for the public pages. Filters and order use the ContentItems columns and the branch index;
/// the JSON of the few items of a page is read only to show them.
/// </summary>
public sealed class PublicContentQuery(LiaisonDbContext db, ISchoolClock clock, IContentRouting routing)
{
    public async Task<IReadOnlyList<ContentSummary>> LatestAsync(string contentType, int count)
    {
        var items = await Published(contentType).Take(count).ToListAsync();
        return await SummarizeAsync(items);
    }

    public async Task<(IReadOnlyList<ContentSummary> Items, int Total)> PageAsync(string contentType, int skip, int take, string? branchId)
    {
        var query = Published(contentType);
        if (!string.IsNullOrEmpty(branchId))
        {
            query = query.Where(c => db.Set<BranchContentIndex>()
                .Any(b => b.ContentItemVersionId == c.ContentItemVersionId && b.BranchContentItemId == branchId));
        }

        var total = await query.CountAsync();
        var items = await query.Skip(skip).Take(take).ToListAsync();
        return (await SummarizeAsync(items), total);
    }

    /// <summary>Published party branches, in the order they were created (the committee first in the recipes).</summary>
    public async Task<IReadOnlyList<BranchOption>> BranchesAsync()
        => await db.ContentItems.AsNoTracking()
            .Where(c => c.ContentType == PublicTypes.PartyBranch && c.Published)
            .OrderBy(c => c.Id)
            .Select(c => new BranchOption(c.ContentItemId, c.DisplayText))
            .ToListAsync();

    private IQueryable<ContentItem> Published(string contentType)
        => db.ContentItems.AsNoTracking()
            .Where(c => c.ContentType == contentType && c.Published)
            .OrderByDescending(c => c.PublishedUtc)
            .ThenByDescending(c => c.Id);

    private async Task<IReadOnlyList<ContentSummary>> SummarizeAsync(List<ContentItem> items)
    {
        var branchIds = items.SelectMany(BranchIds).Distinct().ToList();
        var branchNames = branchIds.Count == 0
            ? []
            : await db.ContentItems.AsNoTracking()
                .Where(c => c.ContentType == PublicTypes.PartyBranch && c.Published && branchIds.Contains(c.ContentItemId))
                .ToDictionaryAsync(c => c.ContentItemId, c => c.DisplayText);
        var urls = await routing.GetPathsAsync(items.Select(i => i.ContentItemId));

        return [.. items.Select(item => new ContentSummary(
            item.ContentItemId,
            item.ContentType,
            ContentText.Title(item),
            urls.GetValueOrDefault(item.ContentItemId),
            ContentText.String(item.GetField(item.ContentType, "Summary")?["Text"]),
            ContentText.EventDate(item) ?? (item.PublishedUtc is { } published ? clock.DateOf(published) : null),
            [.. BranchIds(item).Where(branchNames.ContainsKey).Select(id => branchNames[id])],
            item.GetField(item.ContentType, "Featured")?["Value"]?.GetValueKind() == System.Text.Json.JsonValueKind.True,
            Photo(item)))];
    }

    /// <summary>The first image of the item's "Photo" media field, as a small card picture.</summary>
    private static MediaImageModel? Photo(ContentItem item)
    {
        var photo = item.GetField(item.ContentType, "Photo");
        var path = (photo?["Paths"] as JsonArray)?.FirstOrDefault();
        if (path?.GetValueKind() != System.Text.Json.JsonValueKind.String || !MediaField.IsLibraryPath(path.GetValue<string>()))
        {
            return null;
        }

        var alt = (photo!["MediaTexts"] as JsonArray)?.FirstOrDefault();
        return new MediaImageModel(path.GetValue<string>(),
            alt?.GetValueKind() == System.Text.Json.JsonValueKind.String ? alt.GetValue<string>() : "",
            "(max-width: 600px) 100vw, 400px", "tb-card__photo");
    }

    private static IEnumerable<string> BranchIds(ContentItem item)
        => (item.GetField(item.ContentType, "Branch")?["ContentItemIds"] as JsonArray ?? [])
            .Where(n => n?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            .Select(n => n!.GetValue<string>());
}
