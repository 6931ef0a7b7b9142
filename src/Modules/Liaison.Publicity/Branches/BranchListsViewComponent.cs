using Liaison.Publicity.Contracts;
using Liaison.Publicity.Listing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Publicity.Branches;

/// <summary>The lists of a branch's public page: its news, typical examples and the other modules' lists, newest first.</summary>
public sealed class BranchListsViewComponent(
    PublicContentQuery query, IEnumerable<IBranchPageList> others, IStringLocalizer<BranchListsViewComponent> S) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync(string branchId)
    {
        var lists = new List<BranchPageList>
        {
            await OwnAsync(PublicTypes.BranchNews, branchId, S["Branch news"], S["All news of the branch"],
                $"/news?branch={Uri.EscapeDataString(branchId)}", S["The branch has published no news yet."]),
            await OwnAsync(PublicTypes.TypicalExample, branchId, S["Typical examples"], S["All typical examples"], "/examples",
                S["The branch has no published typical example yet."]),
        };
        foreach (var other in others.OrderBy(o => o.Order))
        {
            lists.Add(await other.BuildAsync(branchId, Count, HttpContext.RequestAborted));
        }

        return View(lists);
    }

    private async Task<BranchPageList> OwnAsync(string type, string branchId, string title, string more, string moreUrl, string empty)
    {
        var (items, _) = await query.PageAsync(type, 0, Count, branchId);
        return new BranchPageList(title, [.. items.Select(i => new BranchPageLink(i.Title, i.Url, i.Date))], more, moreUrl, empty);
    }
}
