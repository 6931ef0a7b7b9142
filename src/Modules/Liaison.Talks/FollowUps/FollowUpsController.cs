using Liaison.Organization.Contracts;
using Liaison.Talks.Contracts;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.FollowUps;

public sealed record FollowUpFilter(string? Source, int? Owner, string? Status, DateOnly? DueBefore);

public sealed record FollowUpListModel(
    IReadOnlyList<FollowUpRow> Rows, IReadOnlyDictionary<string, string> Sources, IReadOnlyDictionary<int, string> Owners,
    FollowUpFilter Filter, DateOnly Today, string? Error);

/// <summary>
/// 待办/跟进: one list of the follow-ups of talks, forums, reception days and opinions the user may see — a member's
/// own, a secretary's branch, the committee's all — filtered by source, owner, status and due date; overdue marked;
/// closing needs a note.
/// </summary>
[Admin]
[Route("admin/follow-ups")]
public sealed class FollowUpsController(
    IEnumerable<IFollowUpSource> sources, IRosterQueries roster, ISchoolClock clock, IStringLocalizer<FollowUpsController> S) : Controller
{
    [HttpGet("")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Index(string? source, int? owner, string? status, DateOnly? dueBefore)
        => View(await ModelAsync(new FollowUpFilter(source, owner, status, dueBefore), null));

    [HttpPost("close")]
    [RequirePermission("Admin.Access")]
    public async Task<IActionResult> Close(string? source, string? key, string? note)
    {
        var text = note?.Trim() ?? "";
        var handler = sources.FirstOrDefault(s => s.Source == source);
        if (text.Length is 0 or > 1000)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(new FollowUpFilter(null, null, null, null), S["Closing needs a note of at most 1000 characters."]));
        }

        if (handler is null || key is null || !await handler.CloseAsync(User, key, text, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData.Success(S["The item is closed."]);
        return Redirect("/admin/follow-ups");
    }

    private async Task<FollowUpListModel> ModelAsync(FollowUpFilter filter, string? error)
    {
        var today = clock.Today;
        var rows = new List<FollowUpRow>();
        foreach (var s in sources.Where(s => filter.Source is null || s.Source == filter.Source))
        {
            rows.AddRange(await s.ListAsync(User, HttpContext.RequestAborted));
        }

        var owners = rows.Where(r => r.OwnerMemberId is not null).Select(r => r.OwnerMemberId!.Value).Distinct().ToList();
        var names = await roster.Members().Where(m => owners.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name);
        IEnumerable<FollowUpRow> shown = rows;
        if (filter.Owner is { } owner)
        {
            shown = shown.Where(r => r.OwnerMemberId == owner);
        }

        shown = filter.Status switch
        {
            "closed" => shown.Where(r => r.Closed),
            "overdue" => shown.Where(r => !r.Closed && r.DueDate < today),
            "all" => shown,
            _ => shown.Where(r => !r.Closed),
        };
        if (filter.DueBefore is { } before)
        {
            shown = shown.Where(r => r.DueDate is not null && r.DueDate <= before);
        }

        return new FollowUpListModel([.. shown.OrderBy(r => r.Closed).ThenBy(r => r.DueDate ?? DateOnly.MaxValue)],
            sources.ToDictionary(s => s.Source, s => s.DisplayName), names, filter, today, error);
    }
}
