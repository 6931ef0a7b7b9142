using Liaison.Organization.AccessLog;
using Liaison.Organization.Coverage;
using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Admin;

/// <summary>Members (党员) within the user's scope: the list, a member's page, reveal, deactivate or delete.</summary>
[Admin]
[RequirePermission("Organization.ManageBranch")]
[Route("admin/organization/members")]
internal sealed class MembersAdminController(
    LiaisonDbContext db,
    OrganizationScope organizations,
    RosterLookups lookups,
    IStringLocalizer<MembersAdminController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        string? branch, int? unit, bool cadres, bool inactive, string? q, int? page, string? condition,
        [FromServices] IEnumerable<Contracts.IMemberCondition> conditions)
    {
        var scope = await organizations.GetAsync(User);
        var query = organizations.ManagedMembers(scope).AsNoTracking().Where(m => inactive || m.Active);
        if (!string.IsNullOrEmpty(branch))
        {
            query = query.Where(m => m.BranchId == branch || m.GroupId == branch);
        }

        if (unit is { } unitId)
        {
            query = query.Where(m => m.UnitId == unitId);
        }

        if (cadres)
        {
            query = query.Where(m => m.IsLeadingCadre);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(m => m.Name.Contains(text) || m.Number.Contains(text));
        }

        // Another module's condition (Reports: meets the liaison condition), applied to the members listed here.
        var offered = conditions.ToList();
        if (offered.FirstOrDefault(c => c.Key == condition) is { } chosen)
        {
            var ids = (await chosen.MemberIdsAsync(User, HttpContext.RequestAborted)).ToList();
            query = query.Where(m => ids.Contains(m.Id));
        }
        else
        {
            condition = null;
        }

        var (number, size) = Pager.Normalize(page, null);
        var pager = new Pager(number, size, await query.CountAsync());
        var names = await lookups.OrganizationNamesAsync();
        var rows = (await query.OrderBy(m => m.BranchId).ThenBy(m => m.Number).Skip(pager.Skip).Take(size)
                .Select(m => new { m.Id, m.Number, m.Name, m.BranchId, Unit = m.Unit!.Name, m.PartyPost, m.IsLeadingCadre, m.CadrePost, m.Phone.Masked, m.Active })
                .ToListAsync())
            .Select(m => new MemberRow(m.Id, m.Number, m.Name, names.GetValueOrDefault(m.BranchId), m.Unit, m.PartyPost,
                m.IsLeadingCadre, m.CadrePost, m.Masked, m.Active))
            .ToList();
        return View(new MemberListViewModel(new MemberFilter(branch, unit, cadres, inactive, q, condition), rows, pager,
            await lookups.BranchesAsync(scope, withGroups: true), await lookups.UnitsAsync(),
            [.. offered.Select(c => new Option(c.Key, c.DisplayName))]));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, [FromServices] ContactPointService points, [FromServices] IPermissionService permissions,
        [FromServices] IEnumerable<Contracts.IMemberRecordSection> sectionProviders)
    {
        if (await FindAsync(id) is not { } member)
        {
            return NotFound();
        }

        var names = await lookups.OrganizationNamesAsync();
        var unit = member.UnitId is { } u ? await db.Set<Unit>().Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync() : null;
        return View(new MemberDetailsViewModel(member, names.GetValueOrDefault(member.BranchId),
            member.GroupId is null ? null : names.GetValueOrDefault(member.GroupId), unit,
            await permissions.HasPermissionAsync(User, Permissions.RevealPersonalData), await points.LoadAsync(member.Id),
            await SectionsAsync(sectionProviders, member.Id)));
    }

    /// <summary>Other modules' blocks on the record (<see cref="Contracts.IMemberRecordSection"/>), in their order.</summary>
    private async Task<IReadOnlyList<Contracts.MemberRecordSection>> SectionsAsync(IEnumerable<Contracts.IMemberRecordSection> providers, int memberId)
    {
        var sections = new List<Contracts.MemberRecordSection>();
        foreach (var provider in providers.OrderBy(p => p.Order))
        {
            if (await provider.BuildAsync(User, memberId, HttpContext.RequestAborted) is { } section)
            {
                sections.Add(section);
            }
        }

        return sections;
    }

    [HttpPost("{id:int}/reveal-phone")]
    [RequirePermission("Organization.RevealPersonalData")]
    public async Task<IActionResult> RevealPhone(int id, [FromServices] PersonalDataProtector protector, [FromServices] AccessLogWriter log)
    {
        if (await FindAsync(id) is not { } member)
        {
            return NotFound();
        }

        var value = protector.Reveal(member.Phone);
        if (value is not null)
        {
            log.Add(User, AccessActions.RevealPhone, branchId: member.BranchId, detail: $"PartyMember {member.Number} {member.Name}");
            await db.SaveChangesAsync();
        }

        return View("OrganizationReveal", new RevealViewModel(member.Name, S["Phone"], value, $"/admin/organization/members/{id}"));
    }

    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id) => SetActiveAsync(id, false);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate(int id) => SetActiveAsync(id, true);

    /// <summary>Deletes a member nobody refers to; a referenced one is deactivated so history stays whole.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, [FromServices] IEnumerable<IRosterReferences> references)
    {
        if (await FindAsync(id, tracked: true) is not { } member)
        {
            return NotFound();
        }

        foreach (var reference in references)
        {
            if (await reference.IsMemberReferencedAsync(id))
            {
                member.Active = false;
                await db.SaveChangesAsync();
                TempData.Notify(NotifyType.Warning, S["{0} is referenced by other records and was deactivated instead of deleted.", member.Name]);
                return Redirect("/admin/organization/members");
            }
        }

        db.Remove(member);
        await db.SaveChangesAsync();
        TempData.Success(S["{0} was deleted.", member.Name]);
        return Redirect("/admin/organization/members");
    }

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        if (await FindAsync(id, tracked: true) is not { } member)
        {
            return NotFound();
        }

        member.Active = active;
        await db.SaveChangesAsync();
        TempData.Success(active ? S["{0} was activated.", member.Name] : S["{0} was deactivated.", member.Name]);
        return Redirect($"/admin/organization/members/{id}");
    }

    private async Task<PartyMember?> FindAsync(int id, bool tracked = false)
    {
        var query = organizations.ManagedMembers(await organizations.GetAsync(User));
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(m => m.Id == id);
    }
}
