using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.Http;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin.Settings;

/// <summary>
/// The limits on what the public may send (objections, opinions, public forms, ballots) and on sign-in, declared by
/// the modules that enforce them (<see cref="RequestLimitSetting"/>). A number set in configuration wins and is shown
/// read-only, as on the mail page; a saved change holds on every node as soon as their document caches hear of it.
/// </summary>
[Admin]
[RequirePermission("Settings.Manage")]
[Route("admin/settings/public")]
public sealed class PublicSettingsController(
    IRequestLimits limits, IStringLocalizerFactory localizers, LiaisonDbContext db, IStringLocalizer<PublicSettingsController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ModelAsync(posted: null));

    [HttpPost("")]
    public async Task<IActionResult> Index([FromForm] Dictionary<string, string>? values)
    {
        values ??= [];
        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var setting in limits.Settings.Where(s => !limits.IsConfigured(s.Key)))
        {
            if (!values.TryGetValue(setting.Key, out var text))
            {
                continue; // a script that posts only what it changes leaves the rest as it is
            }

            if (int.TryParse(text?.Trim(), out var value) && value >= 1 && value <= setting.Max)
            {
                accepted[setting.Key] = value;
            }
            else
            {
                ModelState.AddModelError(setting.Key, S["Enter a whole number from 1 to {0}.", setting.Max]);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ModelAsync(values));
        }

        await limits.SaveAsync(accepted);
        await db.SaveChangesAsync();
        TempData.Success(S["The limits were saved. They hold from the next request."]);
        return RedirectToAction(nameof(Index));
    }

    private async Task<PublicSettingsViewModel> ModelAsync(IReadOnlyDictionary<string, string>? posted)
    {
        var groups = new List<PublicSettingsViewModel.Group>();
        foreach (var group in limits.Settings.GroupBy(s => (s.Order, s.Resource)))
        {
            var first = group.First();
            var rows = new List<PublicSettingsViewModel.Row>();
            foreach (var setting in group.OrderBy(s => s.Kind))
            {
                var current = await limits.GetAsync(setting.Key, setting.Default);
                var configured = limits.IsConfigured(setting.Key);
                var shown = !configured && posted is not null && posted.TryGetValue(setting.Key, out var typed) ? typed : current.ToString();
                rows.Add(new PublicSettingsViewModel.Row(setting.Key, setting.Kind, shown, setting.Default, setting.Max, configured));
            }

            groups.Add(new PublicSettingsViewModel.Group(first.Group(localizers.Create(first.Resource)).Value, rows));
        }

        return new PublicSettingsViewModel(groups);
    }
}

public sealed record PublicSettingsViewModel(IReadOnlyList<PublicSettingsViewModel.Group> Groups)
{
    public sealed record Group(string Name, IReadOnlyList<Row> Rows);

    /// <param name="Value">What the field shows: the value in force, or what was typed when the form was refused.</param>
    /// <param name="Configured">Set in configuration: shown, not editable.</param>
    public sealed record Row(string Key, RequestLimitKind Kind, string Value, int Default, int Max, bool Configured);
}
