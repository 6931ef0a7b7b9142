using System.Globalization;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Obligations;

public sealed record PersonChoice(int Id, string Label);

public sealed record TalkEventsModel(
    IReadOnlyList<ObligationRow> Obligations, IReadOnlyList<PersonChoice> Persons, IReadOnlyList<PersonChoice> Members,
    IReadOnlyDictionary<string, string> Errors, int DeadlineDays);

/// <summary>
/// 五必谈 for a branch: record a personnel event (a talk falls due for the members who contact the person) and see
/// every mandatory talk of the branch, due, closed or overdue. Scoped to the secretary's branch, the committee all.
/// </summary>
[Admin]
[Route("admin/talks/events")]
public sealed class TalkEventsController(
    ObligationService obligations, IRosterQueries roster, LiaisonDbContext db, IStringLocalizer<TalkEventsController> S) : Controller
{
    [HttpGet("")]
    [RequirePermission("Talks.RecordPersonnelEvents")]
    public Task<IActionResult> Index() => PageAsync(new Dictionary<string, string>());

    [HttpPost("")]
    [RequirePermission("Talks.RecordPersonnelEvents")]
    public async Task<IActionResult> Record(int personId, int kind, string? date, string? note, int? memberId)
    {
        DateOnly? on = DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var result = await obligations.RecordAsync(User, new PersonnelEventInput(personId, kind, on, note, memberId is > 0 ? memberId : null), User.Identity!.Name!);
        if (result.Event is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await PageAsync(result.Errors);
        }

        await db.SaveChangesAsync();
        TempData.Success(S["The event is recorded: a talk is due for {0} member(s).", result.Obligations]);
        return Redirect("/admin/talks/events");
    }

    private async Task<IActionResult> PageAsync(IReadOnlyDictionary<string, string> errors)
    {
        var scope = await roster.ScopeAsync(User);
        var persons = await roster.ManagedPersons(scope).Where(p => p.Active).OrderBy(p => p.Number).Take(2000)
            .Select(p => new PersonChoice(p.Id, p.Name + " (" + p.Number + ")")).ToListAsync();
        var members = await roster.ManagedMembers(scope).Where(m => m.Active).OrderBy(m => m.Number)
            .Select(m => new PersonChoice(m.Id, m.Name + " (" + m.Number + ")")).ToListAsync();
        return View("Index", new TalkEventsModel(await obligations.VisibleAsync(User), persons, members, errors, obligations.DeadlineDays));
    }
}
