using Liaison.Notices.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices.Admin;

public sealed record ObjectionRow(Objection Objection, string NoticeTitle);

public sealed record NoticeChoice(string ContentItemId, string Title);

public sealed record ObjectionListViewModel(
    IReadOnlyList<ObjectionRow> Rows, Pager Pager, IReadOnlyList<NoticeChoice> Notices, string? Notice, ObjectionStatus? Status)
{
    /// <summary>The receipt number or reference searched for, as typed.</summary>
    public string? Code { get; init; }
}

public sealed record ObjectionAnswerViewModel(ObjectionRow Row, string? Answer);

/// <summary>Objections to public notices, handled and answered by the committee and the branch secretaries.</summary>
[Admin]
[RequirePermission("Notices.HandleObjections")]
[Route("admin/notices/objections")]
public sealed class ObjectionsAdminController(
    ObjectionScope scope, LiaisonDbContext db, TimeProvider clock, IStringLocalizer<ObjectionsAdminController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? notice, ObjectionStatus? status, int? page, string? code)
    {
        var query = await scope.QueryAsync(User);
        var noticeIds = await query.Select(o => o.NoticeContentItemId).Distinct().ToListAsync();
        var titles = await TitlesAsync(noticeIds);
        if (!string.IsNullOrEmpty(notice))
        {
            query = query.Where(o => o.NoticeContentItemId == notice);
        }

        if (status is not null)
        {
            query = query.Where(o => o.Status == status);
        }

        // An objector who calls quotes their receipt number (GS-…) or the reference (GS20261201-0007): either finds it,
        // within the user's scope like every other filter.
        if (!string.IsNullOrWhiteSpace(code))
        {
            var receipt = Objections.ObjectionService.NormalizeReceipt(code);
            var id = ReferenceId(code);
            query = query.Where(o => (receipt != null && o.Receipt == receipt) || (id != null && o.Id == id));
        }

        var (number, size) = Pager.Normalize(page, 20);
        var total = await query.CountAsync();
        var rows = await query.OrderByDescending(o => o.Status == ObjectionStatus.Pending).ThenByDescending(o => o.Id).Skip((number - 1) * size).Take(size).ToListAsync();
        return View(new ObjectionListViewModel(
            [.. rows.Select(o => new ObjectionRow(o, titles.GetValueOrDefault(o.NoticeContentItemId, o.NoticeContentItemId)))],
            new Pager(number, size, total),
            [.. titles.Select(t => new NoticeChoice(t.Key, t.Value)).OrderBy(t => t.Title, StringComparer.Ordinal)],
            notice,
            status)
        {
            Code = code,
        });
    }

    /// <summary>The id in a reference "GS20261201-0007" (<see cref="Objection.Reference"/>), or null.</summary>
    private static long? ReferenceId(string code)
    {
        var match = System.Text.RegularExpressions.Regex.Match(code.Trim(), @"^GS\d{8}-(\d{4,})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success && long.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Answer(long id)
    {
        var row = await FindAsync(id);
        return row is null ? NotFound() : View(new ObjectionAnswerViewModel(row, row.Objection.Answer));
    }

    [HttpPost("{id:long}")]
    public async Task<IActionResult> Answer(long id, string? answer)
    {
        var row = await FindAsync(id);
        if (row is null)
        {
            return NotFound();
        }

        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
        {
            ModelState.AddModelError("answer", S["Please write the answer."]);
        }
        else if (text.Length > Objection.MaxAnswerLength)
        {
            ModelState.AddModelError("answer", S["The answer can have at most {0} characters.", Objection.MaxAnswerLength]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return View(new ObjectionAnswerViewModel(row, answer));
        }

        var objection = row.Objection;
        objection.Answer = text;
        objection.AnsweredBy = User.Identity?.Name;
        objection.AnsweredUtc = clock.GetUtcNow().UtcDateTime;
        objection.Status = ObjectionStatus.Answered;
        await db.SaveChangesAsync();
        TempData.Success(S["The answer to objection {0} has been saved.", objection.Reference]);
        return Redirect("/admin/notices/objections");
    }

    private async Task<ObjectionRow?> FindAsync(long id)
    {
        var objection = await (await scope.QueryAsync(User)).FirstOrDefaultAsync(o => o.Id == id);
        if (objection is null)
        {
            return null;
        }

        var titles = await TitlesAsync([objection.NoticeContentItemId]);
        return new ObjectionRow(objection, titles.GetValueOrDefault(objection.NoticeContentItemId, objection.NoticeContentItemId));
    }

    private async Task<Dictionary<string, string>> TitlesAsync(List<string> ids)
        => await db.ContentItems.AsNoTracking()
            .Where(c => ids.Contains(c.ContentItemId) && c.Latest)
            .ToDictionaryAsync(c => c.ContentItemId, c => c.DisplayText);
}
