using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.ContentParts.Autoroute;

public sealed record AutorouteContentViewModel(ContentItem ContentItem, IReadOnlyList<DisplayResult> Results);

/// <summary>
/// Serves published public items at their paths, those only signed-in users may read to them alone. Last in route
/// order, so every other page wins.
/// </summary>
[AllowAnonymous]
public sealed class AutorouteContentController(
    IContentRouting routing, IContentDisplayManager display, IEnumerable<ISignedInOnlyContent> signedInOnly) : Controller
{
    [HttpGet("{**path}", Order = int.MaxValue)]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Display(string? path)
    {
        var item = await routing.FindPublishedAsync(path);
        if (item is null)
        {
            return NotFound();
        }

        // A briefing for staff only: visitors are asked to sign in (the answer is not a 200, so it is never cached).
        if (User.Identity?.IsAuthenticated != true && await signedInOnly.IsSignedInOnlyAsync(item.ContentItemId))
        {
            return Challenge();
        }

        return View(new AutorouteContentViewModel(item, await display.BuildDisplayAsync(item, "Detail")));
    }
}
