using Liaison.Organization.Coverage;
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

/// <summary>Creating and editing members, their 责任区 and (leading cadres) their contact points.</summary>
[Admin]
[RequirePermission("Organization.ManageBranch")]
[Route("admin/organization/members")]
internal sealed class MemberEditorController(
    LiaisonDbContext db,
    OrganizationScope organizations,
    MemberForm form,
    IStringLocalizer<MemberEditorController> S) : Controller
{
    [HttpGet("create")]
    public async Task<IActionResult> Create()
    {
        var scope = await organizations.GetAsync(User);
        var model = await form.WithChoicesAsync(new MemberEditModel(), scope);
        model.BranchId = model.Branches.Count == 1 ? model.Branches[0].Value : "";
        return View("Edit", model);
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(MemberEditModel model)
    {
        model.Id = null;
        var scope = await organizations.GetAsync(User);
        await form.ValidateAsync(model, scope, ModelState);
        if (!ModelState.IsValid)
        {
            return View("Edit", await form.WithChoicesAsync(model, scope));
        }

        var member = new PartyMember();
        form.Apply(model, member);
        db.Add(member);
        await db.SaveChangesAsync();
        TempData.Success(S["Member {0} was created.", member.Name]);
        return Redirect($"/admin/organization/members/{member.Id}");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var scope = await organizations.GetAsync(User);
        return await FindAsync(scope, id) is { } member
            ? View(await form.WithChoicesAsync(MemberForm.From(member), scope))
            : NotFound();
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, MemberEditModel model)
    {
        var scope = await organizations.GetAsync(User);
        if (await FindAsync(scope, id) is not { } member)
        {
            return NotFound();
        }

        model.Id = id;
        model.PhoneMasked = member.Phone.Masked;
        await form.ValidateAsync(model, scope, ModelState);
        if (!ModelState.IsValid)
        {
            return View(await form.WithChoicesAsync(model, scope));
        }

        form.Apply(model, member);
        if (!member.IsLeadingCadre)
        {
            // Contact points belong to leading cadres only (R6); they go when the member no longer is one.
            db.RemoveRange(await db.Set<ContactPoint>().Where(p => p.MemberId == id).ToListAsync());
        }

        await db.SaveChangesAsync();
        TempData.Success(S["Member {0} was saved.", member.Name]);
        return Redirect($"/admin/organization/members/{id}");
    }

    [HttpPost("{id:int}/responsibility")]
    public async Task<IActionResult> Responsibility(int id, string? responsibilityArea)
    {
        var scope = await organizations.GetAsync(User);
        if (await FindAsync(scope, id) is not { } member)
        {
            return NotFound();
        }

        var text = MemberForm.Clean(responsibilityArea);
        if (text is { Length: > 500 })
        {
            TempData.Error(S["The responsibility area can have at most 500 characters."]);
            return Redirect($"/admin/organization/members/{id}");
        }

        member.ResponsibilityArea = text;
        await db.SaveChangesAsync();
        TempData.Success(S["The responsibility area was saved."]);
        return Redirect($"/admin/organization/members/{id}");
    }

    [HttpPost("{id:int}/contact-points")]
    public async Task<IActionResult> ContactPoints(int id, ContactPointsModel model, [FromServices] ContactPointService points)
    {
        var scope = await organizations.GetAsync(User);
        if (await FindAsync(scope, id) is not { } member)
        {
            return NotFound();
        }

        if (!await points.SaveAsync(member, model, ModelState))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("ContactPoints", new ContactPointsPage(member, await points.LoadAsync(id, model)));
        }

        await db.SaveChangesAsync();
        TempData.Success(S["The contact points were saved."]);
        return Redirect($"/admin/organization/members/{id}");
    }

    private Task<PartyMember?> FindAsync(UserScope scope, int id)
        => organizations.ManagedMembers(scope).FirstOrDefaultAsync(m => m.Id == id);
}

/// <summary>The contact points form shown again with its errors.</summary>
internal sealed record ContactPointsPage(PartyMember Member, ContactPointsModel Points);
