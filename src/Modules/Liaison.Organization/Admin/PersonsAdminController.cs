using Liaison.Organization.AccessLog;
using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Admin;

/// <summary>The masses roster (教职工 and 学生) within the user's scope: list, reveal, deactivate or delete.</summary>
[Admin]
[RequirePermission("Organization.ManageBranch")]
[Route("admin/organization/persons")]
internal sealed class PersonsAdminController(
    LiaisonDbContext db,
    OrganizationScope organizations,
    RosterLookups lookups,
    IStringLocalizer<PersonsAdminController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? branch, int? unit, PersonKind? kind, string? grade, bool inactive, string? q, int? page)
    {
        var scope = await organizations.GetAsync(User);
        var scoped = organizations.ManagedPersons(scope).AsNoTracking();
        var query = scoped.Where(p => inactive || p.Active);
        query = string.IsNullOrEmpty(branch) ? query : query.Where(p => p.BranchId == branch);
        query = unit is { } unitId ? query.Where(p => p.UnitId == unitId) : query;
        query = kind is { } k ? query.Where(p => p.Kind == k) : query;
        query = string.IsNullOrEmpty(grade) ? query : query.Where(p => p.Grade == grade);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(p => p.Name.Contains(text) || p.Number.Contains(text));
        }

        var (number, size) = Pager.Normalize(page, null);
        var pager = new Pager(number, size, await query.CountAsync());
        var names = await lookups.OrganizationNamesAsync();
        var rows = (await query.OrderBy(p => p.Kind).ThenBy(p => p.Number).Skip(pager.Skip).Take(size)
                .Select(p => new
                {
                    p.Id, p.Kind, p.Number, p.Name, p.BranchId, Unit = p.Unit!.Name, p.Grade, p.ClassName, p.Post, p.Subject,
                    Phone = p.Phone.Masked, IdNumber = p.IdNumber.Masked, p.Active,
                })
                .ToListAsync())
            .Select(p => new PersonRow(p.Id, p.Kind, p.Number, p.Name, p.BranchId is null ? null : names.GetValueOrDefault(p.BranchId), p.Unit,
                Join(p.Grade, p.ClassName), Join(p.Post, p.Subject), p.Phone, p.IdNumber, p.Active))
            .ToList();
        var grades = await scoped.Where(p => p.Grade != null).Select(p => p.Grade!).Distinct().OrderBy(g => g).ToListAsync();
        return View(new PersonListViewModel(new PersonFilter(branch, unit, kind, grade, inactive, q), rows, pager,
            await lookups.BranchesAsync(scope), await lookups.UnitsAsync(), grades));
    }

    [HttpPost("{id:int}/reveal-phone")]
    [RequirePermission("Organization.RevealPersonalData")]
    public Task<IActionResult> RevealPhone(int id, [FromServices] PersonalDataProtector protector, [FromServices] AccessLogWriter log)
        => RevealAsync(id, p => p.Phone, AccessActions.RevealPhone, S["Phone"], protector, log);

    [HttpPost("{id:int}/reveal-id")]
    [RequirePermission("Organization.RevealPersonalData")]
    public Task<IActionResult> RevealIdNumber(int id, [FromServices] PersonalDataProtector protector, [FromServices] AccessLogWriter log)
        => RevealAsync(id, p => p.IdNumber, AccessActions.RevealIdNumber, S["ID number"], protector, log);

    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id) => SetActiveAsync(id, false);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate(int id) => SetActiveAsync(id, true);

    /// <summary>Deletes a person nobody refers to; a referenced one is deactivated so history stays whole.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, [FromServices] IEnumerable<IRosterReferences> references)
    {
        if (await FindAsync(id) is not { } person)
        {
            return NotFound();
        }

        foreach (var reference in references)
        {
            if (await reference.IsPersonReferencedAsync(id))
            {
                person.Active = false;
                await db.SaveChangesAsync();
                TempData.Notify(NotifyType.Warning, S["{0} is referenced by other records and was deactivated instead of deleted.", person.Name]);
                return Redirect("/admin/organization/persons");
            }
        }

        db.Remove(person);
        await db.SaveChangesAsync();
        TempData.Success(S["{0} was deleted.", person.Name]);
        return Redirect("/admin/organization/persons");
    }

    private async Task<IActionResult> RevealAsync(int id, Func<MassPerson, ProtectedValue> field, string action, string label,
        PersonalDataProtector protector, AccessLogWriter log)
    {
        if (await FindAsync(id) is not { } person)
        {
            return NotFound();
        }

        var value = protector.Reveal(field(person));
        if (value is not null)
        {
            log.Add(User, action, person.Id, person.Name, person.BranchId);
            await db.SaveChangesAsync();
        }

        return View("OrganizationReveal", new RevealViewModel(person.Name, label, value, $"/admin/organization/persons/{id}/edit"));
    }

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        if (await FindAsync(id) is not { } person)
        {
            return NotFound();
        }

        person.Active = active;
        await db.SaveChangesAsync();
        TempData.Success(active ? S["{0} was activated.", person.Name] : S["{0} was deactivated.", person.Name]);
        return Redirect($"/admin/organization/persons/{id}/edit");
    }

    private async Task<MassPerson?> FindAsync(int id)
        => await organizations.ManagedPersons(await organizations.GetAsync(User)).FirstOrDefaultAsync(p => p.Id == id);

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a} · {b}";
}
