using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin.Settings;

[Admin]
[RequirePermission("Settings.Manage")]
[Route("admin/settings")]
public sealed class SiteSettingsController(ISiteService site, LiaisonDbContext db, IStringLocalizer<SiteSettingsController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var settings = await site.GetSettingsAsync();
        return View(new SiteSettingsViewModel
        {
            SiteName = settings.SiteName,
            SiteDescription = settings.SiteDescription,
            PageSize = settings.PageSize,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(SiteSettingsViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var settings = await site.GetSettingsAsync();
        settings.SiteName = model.SiteName.Trim();
        settings.SiteDescription = string.IsNullOrWhiteSpace(model.SiteDescription) ? null : model.SiteDescription.Trim();
        settings.PageSize = model.PageSize;
        await site.UpdateSettingsAsync(settings);
        await db.SaveChangesAsync();
        TempData.Success(S["The site settings were saved."]);
        return RedirectToAction(nameof(Index));
    }
}
