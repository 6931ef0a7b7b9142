using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Notices.Lists;

public sealed record NoticeListViewModel(IReadOnlyList<NoticeSummary> Items, Pager Pager, string? Kind);

/// <summary>The public list of notices (公示公告), filterable by kind.</summary>
[AllowAnonymous]
public sealed class NoticeListController(NoticeQuery query, ISiteService site) : Controller
{
    [HttpGet("/notices")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index(int? page, string? kind)
    {
        var settings = await site.GetSettingsAsync();
        var (number, size) = Pager.Normalize(page, settings.PageSize, defaultSize: 10, maxSize: 100);

        // An unknown kind lists nothing rather than everything, so a wrong link does not mislead.
        var selected = string.IsNullOrWhiteSpace(kind) ? null : kind.Trim();
        var (items, total) = await query.PageAsync(selected, (number - 1) * size, size);
        return View(new NoticeListViewModel(items, new Pager(number, size, total), selected));
    }
}
