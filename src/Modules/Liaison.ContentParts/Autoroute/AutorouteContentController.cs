using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.ContentParts.Autoroute;

public sealed record AutorouteContentViewModel(ContentItem ContentItem, IReadOnlyList<DisplayResult> Results);

/// <summary>Serves published public items at their paths. Last in route order, so every other page wins.</summary>
[AllowAnonymous]
public sealed class AutorouteContentController(IContentRouting routing, IContentDisplayManager display) : Controller
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

        return View(new AutorouteContentViewModel(item, await display.BuildDisplayAsync(item, "Detail")));
    }
}
