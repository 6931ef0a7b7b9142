using System.Globalization;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Settings;

public sealed record ReportSettingsModel(string DeadlineDays, int DefaultDeadlineDays, int EffectiveDeadlineDays, IReadOnlyList<string> Errors);

/// <summary>
/// /admin/reports/settings (permission Reports.Settings: the committee): the report deadline in days after the quarter
/// ends; left empty, the configuration's default applies. A bad value is a message, and nothing is changed.
/// </summary>
[Admin]
[Route("admin/reports/settings")]
internal sealed class ReportSettingsController(ReportSettingsService settings, LiaisonDbContext db, IStringLocalizer<ReportSettingsController> S) : Controller
{
    [HttpGet("")]
    [RequirePermission(Permissions.ManageSettingsName)]
    public async Task<IActionResult> Index()
    {
        var current = await settings.GetAsync();
        return View(await ModelAsync(current.DeadlineDays?.ToString(CultureInfo.InvariantCulture) ?? "", []));
    }

    [HttpPost("")]
    [RequirePermission(Permissions.ManageSettingsName)]
    public async Task<IActionResult> Save(string? deadlineDays)
    {
        var text = deadlineDays?.Trim() ?? "";
        int? days = null;
        if (text.Length > 0)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > ReportSettingsService.MaxDeadlineDays)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Index", await ModelAsync(text, [S["The deadline is a whole number of days from 0 to {0}.", ReportSettingsService.MaxDeadlineDays]]));
            }

            days = value;
        }

        var current = await settings.GetAsync();
        current.DeadlineDays = days;
        await settings.SaveAsync(current);
        await db.SaveChangesAsync();
        TempData.Success(S["Settings saved."]);
        return Redirect("/admin/reports/settings");
    }

    private async Task<ReportSettingsModel> ModelAsync(string deadlineDays, IReadOnlyList<string> errors)
        => new(deadlineDays, settings.DefaultDeadlineDays, await settings.DeadlineDaysAsync(), errors);
}
