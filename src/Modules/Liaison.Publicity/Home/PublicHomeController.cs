using Liaison.Publicity.Listing;
using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Publicity.Home;

/// <summary>The public home page: the latest branch news and typical examples.</summary>
[AllowAnonymous]
public sealed class PublicHomeController(PublicContentQuery query) : Controller
{
    public const int LatestCount = 6;

    [HttpGet("/")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index()
        => View(new HomeViewModel(
            await query.LatestAsync(PublicTypes.BranchNews, LatestCount),
            await query.LatestAsync(PublicTypes.TypicalExample, LatestCount)));
}

public sealed record HomeViewModel(IReadOnlyList<ContentSummary> News, IReadOnlyList<ContentSummary> Examples);
