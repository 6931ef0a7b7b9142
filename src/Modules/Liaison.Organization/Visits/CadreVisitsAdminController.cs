using Liaison.Organization.Admin;
using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Visits;

/// <summary>
/// R6 visits: a leading cadre records visits to their 教研室 and 联系点. Any admin user may open the page; what
/// they see is limited in the query (<see cref="VisitScope"/>), so no further permission is needed.
/// </summary>
[Admin]
[Route("admin/organization/visits")]
internal sealed class CadreVisitsAdminController(
    LiaisonDbContext db,
    OrganizationScope organizations,
    VisitScope visits,
    ISchoolClock clock,
    IStringLocalizer<CadreVisitsAdminController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(bool open, int? member, int? page)
        => View(await PageAsync(open, member, page, new VisitEditModel { Date = Today() }));

    [HttpPost("")]
    public async Task<IActionResult> Record(VisitEditModel model)
    {
        var scope = await organizations.GetAsync(User);
        var units = await visits.OwnUnits(scope).Select(u => u.Id).ToListAsync();
        if (units.Count == 0)
        {
            ModelState.AddModelError("", S["Only a leading cadre with a teaching-research section or contact unit records visits."]);
        }
        else if (model.UnitId is not { } unit || !units.Contains(unit))
        {
            ModelState.AddModelError(nameof(model.UnitId), S["Choose your teaching-research section or your contact unit."]);
        }

        if (model.Date > Today())
        {
            ModelState.AddModelError(nameof(model.Date), S["The date of the visit cannot be in the future."]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(false, null, null, model));
        }

        db.Add(new CadreVisit
        {
            MemberId = scope.Member!.Id,
            UnitId = model.UnitId!.Value,
            Date = model.Date!.Value,
            WhatWasDone = model.WhatWasDone.Trim(),
            ProblemsFound = MemberForm.Clean(model.ProblemsFound),
            FollowUp = MemberForm.Clean(model.FollowUp),
            FollowUpClosed = model.FollowUpClosed || string.IsNullOrWhiteSpace(model.FollowUp),
            RecordedBy = User.Identity!.Name!,
            RecordedUtc = clock.UtcNow,
        });
        await db.SaveChangesAsync();
        TempData.Success(S["The visit was recorded."]);
        return Redirect("/admin/organization/visits");
    }

    [HttpPost("{id:int}/close")]
    public Task<IActionResult> Close(int id) => SetClosedAsync(id, true);

    [HttpPost("{id:int}/reopen")]
    public Task<IActionResult> Reopen(int id) => SetClosedAsync(id, false);

    private async Task<IActionResult> SetClosedAsync(int id, bool closed)
    {
        var scope = await organizations.GetAsync(User);
        if (await visits.Visible(scope).FirstOrDefaultAsync(v => v.Id == id) is not { } visit)
        {
            return NotFound();
        }

        visit.FollowUpClosed = closed;
        await db.SaveChangesAsync();
        TempData.Success(closed ? S["The follow-up was closed."] : S["The follow-up was reopened."]);
        return Redirect("/admin/organization/visits");
    }

    private async Task<VisitsViewModel> PageAsync(bool open, int? member, int? page, VisitEditModel form)
    {
        var scope = await organizations.GetAsync(User);
        var query = visits.Visible(scope).AsNoTracking();
        query = open ? query.Where(v => !v.FollowUpClosed) : query;
        query = member is { } m ? query.Where(v => v.MemberId == m) : query;
        var (number, size) = Pager.Normalize(page, null);
        var pager = new Pager(number, size, await query.CountAsync());
        var own = scope.Member?.Id;
        var rows = await query.OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).Skip(pager.Skip).Take(size)
            .Select(v => new VisitRow(v.Id, v.Member!.Name, v.Unit!.Name, v.Date, v.WhatWasDone, v.ProblemsFound, v.FollowUp,
                v.FollowUpClosed, v.MemberId == own))
            .ToListAsync();
        var units = (await visits.OwnUnits(scope).OrderBy(u => u.Kind).Select(u => new { u.Id, u.Name }).ToListAsync())
            .Select(u => new Option(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Name)).ToList();
        return new VisitsViewModel(rows, pager, open, member, units.Count > 0, units, form);
    }

    private DateOnly Today() => clock.Today;
}
