using Liaison.ContentParts.Autoroute;
using Liaison.Notices.Data;
using Liaison.Notices.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Notices.Lists;

public sealed record NoticeSummary(string ContentItemId, string Title, string? Url, PublicNoticePart Part, NoticePeriod Period);

/// <summary>Published notices for the public list: open ones first, then those not yet open, then the closed ones.</summary>
public sealed class NoticeQuery(LiaisonDbContext db, IContentRouting routing, TimeProvider clock)
{
    public async Task<(IReadOnlyList<NoticeSummary> Items, int Total)> PageAsync(string? kind, int skip, int take)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.Set<NoticeIndex>().AsNoTracking().Where(n => n.Published);
        if (!string.IsNullOrEmpty(kind))
        {
            rows = rows.Where(n => n.Kind == kind);
        }

        var total = await rows.CountAsync();
        var ids = await rows
            .OrderBy(n => n.Closed || n.EndUtc <= now ? 2 : n.StartUtc > now ? 1 : 0)
            .ThenByDescending(n => n.StartUtc)
            .ThenBy(n => n.Id)
            .Skip(skip)
            .Take(take)
            .Select(n => n.ContentItemId)
            .ToListAsync();

        var items = await db.ContentItems.AsNoTracking()
            .Where(c => ids.Contains(c.ContentItemId) && c.Published)
            .ToDictionaryAsync(c => c.ContentItemId);
        var urls = await routing.GetPathsAsync(ids);
        return ([.. ids.Where(items.ContainsKey).Select(id =>
        {
            var part = items[id].As<PublicNoticePart>();
            return new NoticeSummary(id, items[id].DisplayText, urls.GetValueOrDefault(id), part, NoticePeriod.At(part, now));
        })], total);
    }
}
