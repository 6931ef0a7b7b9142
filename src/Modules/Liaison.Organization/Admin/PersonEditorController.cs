using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Admin;

/// <summary>Creating and editing a person of the masses roster.</summary>
[Admin]
[RequirePermission("Organization.ManageBranch")]
[Route("admin/organization/persons")]
internal sealed class PersonEditorController(
    LiaisonDbContext db,
    OrganizationScope organizations,
    PersonForm form,
    IPermissionService permissions,
    IStringLocalizer<PersonEditorController> S) : Controller
{
    [HttpGet("create")]
    public async Task<IActionResult> Create(PersonKind kind = PersonKind.Staff)
    {
        var scope = await organizations.GetAsync(User);
        var model = await form.WithChoicesAsync(new PersonEditModel { Kind = kind }, scope);
        model.BranchId = scope.AllBranches ? null : scope.BranchIds.FirstOrDefault();
        return View("Edit", model);
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(PersonEditModel model)
    {
        model.Id = null;
        var scope = await organizations.GetAsync(User);
        await form.ValidateAsync(model, scope, ModelState);
        if (!ModelState.IsValid)
        {
            return View("Edit", await form.WithChoicesAsync(model, scope));
        }

        var person = new MassPerson();
        form.Apply(model, person);
        db.Add(person);
        await db.SaveChangesAsync();
        TempData.Success(S["{0} was added to the roster.", person.Name]);
        return Redirect("/admin/organization/persons");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var scope = await organizations.GetAsync(User);
        if (await FindAsync(scope, id) is not { } person)
        {
            return NotFound();
        }

        var model = PersonForm.From(person);
        model.CanReveal = await permissions.HasPermissionAsync(User, Permissions.RevealPersonalData);
        return View(await form.WithChoicesAsync(model, scope));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, PersonEditModel model)
    {
        var scope = await organizations.GetAsync(User);
        if (await FindAsync(scope, id) is not { } person)
        {
            return NotFound();
        }

        model.Id = id;
        model.PhoneMasked = person.Phone.Masked;
        model.IdNumberMasked = person.IdNumber.Masked;
        model.Active = person.Active;
        await form.ValidateAsync(model, scope, ModelState);
        if (!ModelState.IsValid)
        {
            return View(await form.WithChoicesAsync(model, scope));
        }

        form.Apply(model, person);
        await db.SaveChangesAsync();
        TempData.Success(S["{0} was saved.", person.Name]);
        return Redirect("/admin/organization/persons");
    }

    private Task<MassPerson?> FindAsync(UserScope scope, int id)
        => organizations.ManagedPersons(scope).FirstOrDefaultAsync(p => p.Id == id);
}
