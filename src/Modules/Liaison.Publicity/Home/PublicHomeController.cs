using Liaison.Publicity.Listing;
using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Publicity.Home;

/// <summary>
/// The public home page: the latest branch news, typical examples and public notices (issue 15, item 6). Its output is
/// cached under <see cref="PublicPageCache.Tag"/>, which every publish, withdrawal or removal evicts, so a new notice
/// shows at once and a cached answer reads nothing from the database.
/// </summary>
[AllowAnonymous]
public sealed class PublicHomeController(PublicContentQuery query) : Controller
{
    public const int LatestCount = 6;

    /// <summary>The public notices' type (Notices' PublicNotice), listed by name: Publicity does not depend on Notices.</summary>
    public const string NoticeType = "PublicNotice";

    public const int NoticeCount = 5;

    [HttpGet("/")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index()
        => View(new HomeViewModel(
            await query.LatestAsync(PublicTypes.BranchNews, LatestCount),
            await query.LatestAsync(PublicTypes.TypicalExample, LatestCount),
            await query.LatestAsync(NoticeType, NoticeCount)));
}

public sealed record HomeViewModel(
    IReadOnlyList<ContentSummary> News, IReadOnlyList<ContentSummary> Examples, IReadOnlyList<ContentSummary> Notices);
