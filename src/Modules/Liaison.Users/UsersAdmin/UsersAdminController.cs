using Liaison.Users.RolesAdmin;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.UsersAdmin;

[Admin]
[RequirePermission("Users.Manage")]
[Route("admin/users")]
public sealed class UsersAdminController(
    LiaisonDbContext db,
    UserManager<LiaisonUser> userManager,
    TimeProvider clock,
    RoleLabels labels,
    IStringLocalizer<UsersAdminController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page)
    {
        var (number, size) = Pager.Normalize(page, null);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(u => u.UserName!.Contains(text) || u.Email!.Contains(text) || u.DisplayName!.Contains(text));
        }

        var pager = new Pager(number, size, await query.CountAsync());
        var found = await query.OrderBy(u => u.UserName).Skip(pager.Skip).Take(size).ToListAsync();
        var ids = found.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        var rows = found.Select(u => new UserRow(u.Id, u.UserName!, u.Email, u.DisplayName, u.IsEnabled, u.LockoutEnd > now,
            [.. RoleLabels.Order(roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)).Select(labels.For)])).ToList();
        return View(new UserListViewModel(q, rows, pager));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create() => View("Edit", await WithRolesAsync(new UserEditViewModel()));

    [HttpPost("create")]
    public async Task<IActionResult> Create(UserEditViewModel model, [FromServices] UserAccounts accounts)
    {
        model.Id = null;
        if (ModelState.IsValid && Report(await accounts.CreateAsync(await KnownRolesAsync(model))))
        {
            TempData.Success(S["User {0} was created.", model.UserName]);
            return RedirectToAction(nameof(Index));
        }

        return View("Edit", await WithRolesAsync(model));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        if (await userManager.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var model = new UserEditViewModel
        {
            Id = user.Id,
            UserName = user.UserName!,
            Email = user.Email ?? "",
            DisplayName = user.DisplayName,
            IsEnabled = user.IsEnabled,
            Roles = [.. await userManager.GetRolesAsync(user)],
        };
        return View(await WithRolesAsync(model));
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, UserEditViewModel model, [FromServices] UserAccounts accounts)
    {
        if (await userManager.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        // The user name is the owner key of content; it is not changed here.
        model.Id = user.Id;
        model.UserName = user.UserName!;
        ModelState.Remove(nameof(model.UserName));
        if (ModelState.IsValid && Report(await accounts.UpdateAsync(user, await KnownRolesAsync(model), userManager.GetUserId(User)!)))
        {
            TempData.Success(S["User {0} was saved.", user.UserName!]);
            return RedirectToAction(nameof(Index));
        }

        return View(await WithRolesAsync(model));
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id, [FromServices] UserAccounts accounts)
    {
        if (await userManager.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var result = await accounts.DeleteAsync(user, userManager.GetUserId(User)!);
        if (result.Succeeded)
        {
            TempData.Success(S["User {0} was deleted.", user.UserName!]);
        }
        else
        {
            TempData.Error(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return RedirectToAction(nameof(Index));
    }

    private bool Report(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Description);
        }

        return result.Succeeded;
    }

    private async Task<UserEditViewModel> KnownRolesAsync(UserEditViewModel model)
    {
        var known = await db.Roles.Select(r => r.Name!).ToListAsync();
        model.Roles = [.. model.Roles.Where(r => known.Contains(r, StringComparer.OrdinalIgnoreCase))];
        return model;
    }

    private async Task<UserEditViewModel> WithRolesAsync(UserEditViewModel model)
    {
        var names = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync();
        model.AvailableRoles = [.. RoleLabels.Order(names).Select(n => new RoleOption(n, labels.For(n)))];
        return model;
    }
}
