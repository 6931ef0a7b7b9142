using System.Globalization;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.ContentParts.Autoroute;

public sealed record AutorouteContentViewModel(ContentItem ContentItem, IReadOnlyList<DisplayResult> Results);

/// <summary>An item's page as rendered: the article's HTML and what the layout's head needs from it.</summary>
public sealed record ItemPage(string Html, string? Title, string? Description, string? OgType, string? OgImage, bool SignedInOnly)
{
    public static readonly ItemPage AskToSignIn = new("", null, null, null, null, SignedInOnly: true);

    public long Size => Html.Length + (Title?.Length ?? 0) + (Description?.Length ?? 0) + (OgImage?.Length ?? 0);
}

/// <summary>
/// Serves published public items at their paths, those only signed-in users may read to them alone. Last in route
/// order, so every other page wins. The article is rendered apart from the layout; for anonymous visitors it is kept as
/// a fragment (<see cref="PublicFragments"/>) per address, query and language, so that a page the output cache does
/// not answer still reads nothing from the database. Signed-in users get it rendered for them (what an item links to
/// depends on who may see it).
/// </summary>
[AllowAnonymous]
public sealed class AutorouteContentController(PublicFragments fragments) : Controller
{
    /// <summary>The article's view (a theme may override it); rendered without the layout.</summary>
    internal const string ArticleView = "Display";

    [HttpGet("{**path}", Order = int.MaxValue)]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Display(string? path)
    {
        var anonymous = User.Identity?.IsAuthenticated != true;
        var page = anonymous
            ? await fragments.GetOrRenderAsync(
                $"item|{CultureInfo.CurrentUICulture.Name}|{Request.Path}{Request.QueryString}", () => RenderAsync(path, anonymous: true))
            : (await RenderAsync(path, anonymous: false)).Value;

        // A briefing for staff only: visitors are asked to sign in (the answer is not a 200, so it is never cached).
        return page switch
        {
            null => NotFound(),
            { SignedInOnly: true } => Challenge(),
            _ => View("Page", page),
        };
    }

    private async Task<Rendered<ItemPage?>> RenderAsync(string? path, bool anonymous)
    {
        // Resolved here, not in the constructor: a kept article constructs no unit of work (no DbContext) at all.
        var services = HttpContext.RequestServices;
        var routing = services.GetRequiredService<IContentRouting>();
        var display = services.GetRequiredService<IContentDisplayManager>();
        var signedInOnly = services.GetServices<ISignedInOnlyContent>();
        var item = await routing.FindPublishedAsync(path);
        if (item is null)
        {
            return new(null, 0, Shareable: false);
        }

        if (anonymous && await signedInOnly.IsSignedInOnlyAsync(item.ContentItemId))
        {
            return new(ItemPage.AskToSignIn, 1);
        }

        var article = await this.RenderViewToStringAsync(ArticleView, new AutorouteContentViewModel(item, await display.BuildDisplayAsync(item, "Detail")));
        var data = article.ViewData;
        var page = new ItemPage(article.Html, data["Title"] as string, data["Description"] as string, data["OgType"] as string, data["OgImage"] as string, false);
        return new(page, page.Size, Shareable: !article.VisitorSpecific);
    }
}
