using System.Globalization;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Settings;

public sealed record ReportSettingsModel(
    string DeadlineDays, int DefaultDeadlineDays, int EffectiveDeadlineDays, Scores.ScoreRule Rule, IReadOnlyList<string> Errors);

/// <summary>
/// /admin/reports/settings (permission Reports.Settings: the committee): the report deadline in days after the quarter
/// ends (left empty, the configuration's default applies) and the yearly liaison score's rule (points per unit and cap
/// per item, the pass line). A bad value is a message, and nothing is changed.
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
        return View(await ModelAsync(current.DeadlineDays?.ToString(CultureInfo.InvariantCulture) ?? "", current.Score ?? new(), []));
    }

    [HttpPost("")]
    [RequirePermission(Permissions.ManageSettingsName)]
    public async Task<IActionResult> Save(string? deadlineDays)
    {
        var errors = new List<string>();
        var text = deadlineDays?.Trim() ?? "";
        int? days = null;
        if (text.Length > 0)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > ReportSettingsService.MaxDeadlineDays)
            {
                errors.Add(S["The deadline is a whole number of days from 0 to {0}.", ReportSettingsService.MaxDeadlineDays]);
            }
            else
            {
                days = value;
            }
        }

        var current = await settings.GetAsync();
        var rule = ReadRule(current.Score ?? new(), errors);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(text, rule, errors));
        }

        current.DeadlineDays = days;
        current.Score = rule;
        await settings.SaveAsync(current);
        await db.SaveChangesAsync();
        TempData.Success(S["Settings saved."]);
        return Redirect("/admin/reports/settings");
    }

    private async Task<ReportSettingsModel> ModelAsync(string deadlineDays, Scores.ScoreRule rule, IReadOnlyList<string> errors)
        => new(deadlineDays, settings.DefaultDeadlineDays, await settings.DeadlineDaysAsync(), rule, errors);

    /// <summary>The rule as posted (<c>Score.Talks.Weight</c>, <c>Score.Talks.Cap</c>, …, <c>Score.PassLine</c>); a field left out keeps its value.</summary>
    private Scores.ScoreRule ReadRule(Scores.ScoreRule current, List<string> errors)
    {
        var rule = new Scores.ScoreRule();
        var bad = false;
        int Number(string name, int old, int max)
        {
            if (!Request.Form.TryGetValue(name, out var raw))
            {
                return old;
            }

            if (int.TryParse(raw.ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max)
            {
                return value;
            }

            bad = true;
            return old;
        }

        foreach (var key in Scores.ScoreRule.Keys)
        {
            var item = rule.Item(key);
            item.Weight = Number($"Score.{key}.Weight", current.Item(key).Weight, Scores.ScoreRule.MaxWeight);
            item.Cap = Number($"Score.{key}.Cap", current.Item(key).Cap, Scores.ScoreRule.MaxCap);
        }

        rule.PassLine = Number("Score.PassLine", current.PassLine, Scores.ScoreRule.MaxPassLine);
        if (bad)
        {
            errors.Add(S["Points per unit are whole numbers from 0 to {0}, caps from 0 to {1}, the pass line from 0 to {2}.",
                Scores.ScoreRule.MaxWeight, Scores.ScoreRule.MaxCap, Scores.ScoreRule.MaxPassLine]);
        }

        return rule;
    }
}
