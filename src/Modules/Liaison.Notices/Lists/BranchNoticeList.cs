using Liaison.ContentParts.Autoroute;
using Liaison.Notices.Data;
using Liaison.Publicity.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices.Lists;

/// <summary>A party branch's public page lists the branch's published notices, the newest first (issue 15, item 6).</summary>
internal sealed class BranchNoticeList(LiaisonDbContext db, IContentRouting routing, ISchoolClock clock, IStringLocalizer<BranchNoticeList> S)
    : IBranchPageList
{
    public int Order => 20;

    public async Task<BranchPageList> BuildAsync(string branchContentItemId, int count, CancellationToken cancellationToken)
    {
        var rows = await db.Set<NoticeIndex>().AsNoTracking()
            .Where(n => n.Published && n.BranchContentItemId == branchContentItemId)
            .OrderByDescending(n => n.StartUtc).ThenByDescending(n => n.Id)
            .Take(count)
            .Select(n => new { n.ContentItemId, n.StartUtc })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ContentItemId).ToList();
        var titles = await db.ContentItems.AsNoTracking()
            .Where(c => ids.Contains(c.ContentItemId) && c.Published)
            .ToDictionaryAsync(c => c.ContentItemId, c => c.DisplayText, cancellationToken);
        var urls = await routing.GetPathsAsync(ids);
        var items = rows.Where(r => titles.ContainsKey(r.ContentItemId))
            .Select(r => new BranchPageLink(titles[r.ContentItemId] ?? "", urls.GetValueOrDefault(r.ContentItemId),
                clock.DateOf(r.StartUtc)))
            .ToList();
        return new BranchPageList(S["Public notices"], items, S["All public notices"], "/notices", S["The branch has published no notice yet."]);
    }
}
