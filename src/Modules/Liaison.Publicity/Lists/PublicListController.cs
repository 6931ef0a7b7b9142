using Liaison.Publicity.Listing;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Publicity.Lists;

/// <summary>The public list pages of typical examples and branch news, newest first, a page at a time.</summary>
[AllowAnonymous]
public sealed class PublicListController(PublicContentQuery query, ISiteService site) : Controller
{
    [HttpGet("/examples")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Examples(int? page)
    {
        var pager = await PagerAsync(page);
        var (items, total) = await query.PageAsync(PublicTypes.TypicalExample, pager.Skip, pager.PageSize, branchId: null);
        return View(new ListViewModel(items, pager with { Total = total }, [], null));
    }

    [HttpGet("/news")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> News(int? page, string? branch)
    {
        var pager = await PagerAsync(page);
        var branches = await query.BranchesAsync();

        // An unknown branch id lists nothing rather than everything, so a wrong link does not mislead.
        var selected = string.IsNullOrWhiteSpace(branch) ? null : branch.Trim();
        var (items, total) = await query.PageAsync(PublicTypes.BranchNews, pager.Skip, pager.PageSize, selected);
        return View(new ListViewModel(items, pager with { Total = total }, branches, selected));
    }

    private async Task<Pager> PagerAsync(int? page)
    {
        var settings = await site.GetSettingsAsync();
        var (number, size) = Pager.Normalize(page, settings.PageSize, defaultSize: 10, maxSize: 100);
        return new Pager(number, size, 0);
    }
}

public sealed record ListViewModel(
    IReadOnlyList<ContentSummary> Items,
    Pager Pager,
    IReadOnlyList<BranchOption> Branches,
    string? SelectedBranch);
