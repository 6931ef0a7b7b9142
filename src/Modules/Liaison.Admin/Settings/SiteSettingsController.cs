using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Settings;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin.Settings;

[Admin]
[RequirePermission("Settings.Manage")]
[Route("admin/settings")]
public sealed class SiteSettingsController(
    ISiteService site, IContentManager contents, LiaisonDbContext db, IStringLocalizer<SiteSettingsController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var settings = await site.GetSettingsAsync();
        var model = new SiteSettingsViewModel
        {
            SiteName = settings.SiteName,
            SiteDescription = settings.SiteDescription,
            PageSize = settings.PageSize,
            HomeContentItemId = settings.HomeContentItemId,
            TimeZone = settings.TimeZone,
            DefaultCulture = settings.DefaultCulture,
        };
        return View(await WithHomeAsync(model));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(SiteSettingsViewModel model)
    {
        var homeId = model.UseSchoolHome || string.IsNullOrWhiteSpace(model.HomeContentItemId) ? null : model.HomeContentItemId.Trim();
        if (ModelState.IsValid && homeId is not null && await contents.GetAsync(homeId, VersionOptions.Latest) is null)
        {
            ModelState.AddModelError(nameof(model.HomeContentItemId), S["No content item has the id \"{0}\".", homeId]);
        }

        if (!string.IsNullOrEmpty(model.TimeZone) && !SchoolTimeZones.IsKnown(model.TimeZone))
        {
            ModelState.AddModelError(nameof(model.TimeZone), S["\"{0}\" is not a time zone this server knows.", model.TimeZone]);
        }

        if (!string.IsNullOrEmpty(model.DefaultCulture) && !SiteSettingsViewModel.Cultures.Contains(model.DefaultCulture))
        {
            ModelState.AddModelError(nameof(model.DefaultCulture), S["Choose Chinese or English."]);
        }

        if (!ModelState.IsValid)
        {
            return View(await WithHomeAsync(model));
        }

        var settings = await site.GetSettingsAsync();
        settings.SiteName = model.SiteName.Trim();
        settings.SiteDescription = string.IsNullOrWhiteSpace(model.SiteDescription) ? null : model.SiteDescription.Trim();
        settings.PageSize = model.PageSize;
        settings.HomeContentItemId = homeId;
        settings.TimeZone = string.IsNullOrEmpty(model.TimeZone) ? settings.TimeZone : model.TimeZone;
        settings.DefaultCulture = string.IsNullOrEmpty(model.DefaultCulture) ? settings.DefaultCulture : model.DefaultCulture;
        await site.UpdateSettingsAsync(settings);
        await db.SaveChangesAsync();
        TempData.Success(S["The site settings were saved."]);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>What the home item field names, for the hint beside it (the form shows what the id stands for).</summary>
    private async Task<SiteSettingsViewModel> WithHomeAsync(SiteSettingsViewModel model)
    {
        if (model.HomeContentItemId?.Trim() is { Length: > 0 } id && await contents.GetAsync(id, VersionOptions.Latest) is { } item)
        {
            model.HomeTitle = string.IsNullOrEmpty(item.DisplayText) ? item.ContentType : item.DisplayText;
            model.HomePublished = await contents.GetAsync(id, VersionOptions.Published) is not null;
        }

        return model;
    }
}
