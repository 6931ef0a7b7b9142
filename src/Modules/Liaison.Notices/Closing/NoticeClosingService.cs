using Liaison.Notices.Data;
using Liaison.Notices.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Notices.Closing;

/// <summary>The closing job's work: every published notice whose period has ended gets its ClosedUtc.</summary>
internal sealed class NoticeClosingService(
    LiaisonDbContext db, IContentManager contents, TimeProvider clock)
{
    /// <summary>Closes what has ended; returns the ids closed. Run by <see cref="NoticeClosingJob"/>, once across nodes.</summary>
    public async Task<IReadOnlyList<string>> CloseExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Set<NoticeIndex>().AsNoTracking()
            .Where(n => n.Published && !n.Closed && n.EndUtc <= now)
            .Select(n => n.ContentItemId)
            .Distinct()
            .ToListAsync(cancellationToken);

        var closed = new List<string>();
        foreach (var id in ids)
        {
            // The published version is closed in place: closing is not an edit, so no new version is made.
            var notice = await contents.GetAsync(id);
            if (notice is null)
            {
                continue;
            }

            var part = notice.As<PublicNoticePart>();
            part.ClosedUtc = now;
            notice.Apply(part);
            await contents.UpdateAsync(notice);
            closed.Add(id);
        }

        if (closed.Count > 0)
        {
            // Saving a published version in place evicts the public pages on every node once it commits
            // (PublicPageCacheEviction hears the update), as a publish does.
            await db.SaveChangesAsync(cancellationToken);
        }

        return closed;
    }
}
