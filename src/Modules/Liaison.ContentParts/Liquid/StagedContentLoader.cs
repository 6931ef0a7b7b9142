using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.ContentParts.Liquid;

/// <summary>
/// The latest version of an item for Liquid's <c>container</c> filter: one staged in this unit of work first (a recipe
/// creates the blog a moment before its posts), else the stored one.
/// </summary>
internal sealed class StagedContentLoader(LiaisonDbContext db)
{
    public async Task<ContentItem?> LatestAsync(string contentItemId)
    {
        var staged = db.ChangeTracker.EntriesAsTracked<ContentItem>()
            .Where(e => e.State != EntityState.Deleted && e.Entity.ContentItemId == contentItemId && e.Entity.Latest)
            .Select(e => e.Entity)
            .FirstOrDefault();
        return staged ?? await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest);
    }
}
