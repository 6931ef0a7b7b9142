using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.Home;
using Liaison.Publicity.Listing;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Publicity.Home;

/// <summary>
/// The public home page: the latest branch news, typical examples and public notices (issue 15, item 6). Its output is
/// cached under <see cref="PublicPageCache.Tag"/>, which every publish, withdrawal or removal evicts, so a new notice
/// shows at once and a cached answer reads nothing from the database. When the site settings name a home item (Orchard's
/// home route: an item's SetHomepage, a Settings step's HomeRoute) "/" shows that item exactly as its own address does,
/// while it is published and public; otherwise, and by default, the school's home page. A change of the settings evicts
/// the cached pages too (<c>DocumentChangeSignal</c>).
/// </summary>
[AllowAnonymous]
public sealed class PublicHomeController(PublicContentQuery query, IHomePage home, IContentDisplayManager display) : Controller
{
    public const int LatestCount = 6;

    /// <summary>The public notices' type (Notices' PublicNotice), listed by name: Publicity does not depend on Notices.</summary>
    public const string NoticeType = "PublicNotice";

    public const int NoticeCount = 5;

    [HttpGet("/")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Index()
    {
        if (await home.FindPublishedAsync() is { } item)
        {
            // The view of the item's own page (a theme's override included), so both addresses show the same.
            return View(ContentItemView, new AutorouteContentViewModel(item, await display.BuildDisplayAsync(item, "Detail")));
        }

        return View(new HomeViewModel(
            await query.LatestAsync(PublicTypes.BranchNews, LatestCount),
            await query.LatestAsync(PublicTypes.TypicalExample, LatestCount),
            await query.LatestAsync(NoticeType, NoticeCount)));
    }

    /// <summary>The view AutorouteContentController renders an item's page with.</summary>
    internal const string ContentItemView = "/Views/AutorouteContent/Display.cshtml";
}

public sealed record HomeViewModel(
    IReadOnlyList<ContentSummary> News, IReadOnlyList<ContentSummary> Examples, IReadOnlyList<ContentSummary> Notices);
