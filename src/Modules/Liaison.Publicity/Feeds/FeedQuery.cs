using System.Text.Json.Nodes;
using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.Sanitizing;
using Liaison.Publicity.Data;
using Liaison.Publicity.Listing;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Publicity.Feeds;

/// <summary>One entry of an RSS feed. <see cref="Path"/> is the item's public address ("/examples/…").</summary>
public sealed record FeedEntry(string ContentItemId, string Title, string Path, DateTime PublishedUtc, string Description);

/// <summary>The newest published public items of a type for a feed; items without a public address are left out.</summary>
public sealed class FeedQuery(LiaisonDbContext db, IContentRouting routing, IHtmlSanitizerService sanitizer)
{
    public const int Count = 20;
    public const int DescriptionLength = 200;

    public async Task<IReadOnlyList<FeedEntry>> LatestAsync(string contentType, string? branchId)
    {
        var query = db.ContentItems.AsNoTracking().Where(c => c.ContentType == contentType && c.Published);
        if (!string.IsNullOrEmpty(branchId))
        {
            query = query.Where(c => db.Set<BranchContentIndex>()
                .Any(b => b.ContentItemVersionId == c.ContentItemVersionId && b.BranchContentItemId == branchId));
        }

        var items = await query.OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id).Take(Count).ToListAsync();

        // The routing decides what is public (IPublicContentTypes), exactly as the pages are served.
        var paths = await routing.GetPathsAsync(items.Select(i => i.ContentItemId));
        return [.. items
            .Where(i => paths.ContainsKey(i.ContentItemId))
            .Select(i => new FeedEntry(
                i.ContentItemId,
                ContentText.Title(i),
                paths[i.ContentItemId],
                i.PublishedUtc ?? i.ModifiedUtc ?? i.CreatedUtc ?? DateTime.UnixEpoch,
                Description(i)))];
    }

    /// <summary>The item's summary when it has one, otherwise the start of its body, as plain text.</summary>
    public string Description(ContentItem item)
    {
        var summary = ContentText.String(item.GetField(item.ContentType, "Summary")?["Text"]);
        if (!string.IsNullOrWhiteSpace(summary))
        {
            return sanitizer.ToPlainText(summary, DescriptionLength);
        }

        var html = ContentText.String((item.Content["HtmlBodyPart"] as JsonObject)?["Html"]);
        return sanitizer.ToPlainText(html, DescriptionLength);
    }
}
