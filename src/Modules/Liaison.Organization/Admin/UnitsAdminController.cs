using System.ComponentModel.DataAnnotations;
using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Admin;

internal sealed class UnitEditModel
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Enter the name.")]
    [StringLength(100, ErrorMessage = "The name can have at most {1} characters.")]
    public string Name { get; set; } = "";

    public UnitKind Kind { get; set; }

    public string? BranchId { get; set; }

    [Range(0, 9999, ErrorMessage = "The sort order must be between {1} and {2}.")]
    public int SortOrder { get; set; }
}

internal sealed record UnitRow(Unit Unit, string? Branch, int Staff, int Cadres);

internal sealed record UnitsViewModel(IReadOnlyList<UnitRow> Rows, UnitEditModel Form, IReadOnlyList<Option> Branches);

/// <summary>Units of the school (教研室, 基层单位): the committee keeps the list.</summary>
[Admin]
[RequirePermission("Organization.ManageAll")]
[Route("admin/organization/units")]
internal sealed class UnitsAdminController(LiaisonDbContext db, OrganizationScope organizations, RosterLookups lookups,
    IStringLocalizer<UnitsAdminController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit)
    {
        var unit = edit is { } id ? await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id) : null;
        var form = unit is null ? new UnitEditModel()
            : new UnitEditModel { Id = unit.Id, Name = unit.Name, Kind = unit.Kind, BranchId = unit.BranchId, SortOrder = unit.SortOrder };
        return View(await PageAsync(form));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(UnitEditModel model)
    {
        var name = model.Name?.Trim() ?? "";
        if (await db.Set<Unit>().AnyAsync(u => u.Name == name && u.Id != model.Id))
        {
            ModelState.AddModelError(nameof(model.Name), S["A unit named {0} already exists.", name]);
        }

        var branch = MemberForm.Clean(model.BranchId);
        if (branch is not null && !await organizations.Organizations().AnyAsync(o => o.ContentItemId == branch))
        {
            ModelState.AddModelError(nameof(model.BranchId), S["Choose a branch from the list."]);
        }

        if (!Enum.IsDefined(model.Kind))
        {
            ModelState.AddModelError(nameof(model.Kind), S["Choose the kind of unit."]);
        }

        var unit = model.Id is { } id ? await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == id) : new Unit();
        if (unit is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(model));
        }

        (unit.Name, unit.Kind, unit.BranchId, unit.SortOrder) = (name, model.Kind, branch, model.SortOrder);
        if (unit.Id == 0)
        {
            db.Add(unit);
        }

        await db.SaveChangesAsync();
        TempData.Success(S["Unit {0} was saved.", unit.Name]);
        return Redirect("/admin/organization/units");
    }

    /// <summary>Units with cadres fixed to them or visits recorded are kept; staff simply lose the link.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        if (await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == id) is not { } unit)
        {
            return NotFound();
        }

        if (await db.Set<ContactPoint>().AnyAsync(p => p.UnitId == id) || await db.Set<CadreVisit>().AnyAsync(v => v.UnitId == id))
        {
            TempData.Error(S["{0} is a cadre's contact point or has visits recorded and cannot be deleted.", unit.Name]);
            return Redirect("/admin/organization/units");
        }

        db.Remove(unit);
        await db.SaveChangesAsync();
        TempData.Success(S["Unit {0} was deleted.", unit.Name]);
        return Redirect("/admin/organization/units");
    }

    private async Task<UnitsViewModel> PageAsync(UnitEditModel form)
    {
        var names = await lookups.OrganizationNamesAsync();
        var rows = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new
            {
                Unit = u,
                Staff = db.Set<MassPerson>().Count(p => p.UnitId == u.Id && p.Active) + db.Set<PartyMember>().Count(m => m.UnitId == u.Id && m.Active),
                Cadres = db.Set<ContactPoint>().Count(p => p.UnitId == u.Id),
            })
            .ToListAsync();
        return new UnitsViewModel(
            [.. rows.Select(r => new UnitRow(r.Unit, r.Unit.BranchId is null ? null : names.GetValueOrDefault(r.Unit.BranchId), r.Staff, r.Cadres))],
            form, await lookups.BranchesAsync(new UserScope(true, [], null)));
    }
}
