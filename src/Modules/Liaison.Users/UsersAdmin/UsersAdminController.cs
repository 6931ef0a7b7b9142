using Liaison.Users.Grants;
using Liaison.Users.RolesAdmin;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
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
    GrantRules grants,
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
        var rows = new List<UserRow>();
        foreach (var u in found)
        {
            var names = roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList();
            rows.Add(new UserRow(u.Id, u.UserName!, u.Email, u.DisplayName, u.IsEnabled, u.LockoutEnd > now,
                [.. RoleLabels.Order(names).Select(labels.For)], await grants.MayManageAsync(User, names)));
        }

        return View(new UserListViewModel(q, rows, pager));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create() => View("Edit", await WithRolesAsync(new UserEditViewModel()));

    [HttpPost("create")]
    public async Task<IActionResult> Create(UserEditViewModel model, [FromServices] UserAccounts accounts)
    {
        model.Id = null;
        if ((await grants.NotGrantableAsync(User, (await KnownRolesAsync(model)).Roles)).Count > 0)
        {
            return Forbidden();
        }

        if (ModelState.IsValid && Report(await accounts.CreateAsync(model)))
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

        var roles = await userManager.GetRolesAsync(user);
        if (!await grants.MayManageAsync(User, roles))
        {
            return Forbidden();
        }

        var model = new UserEditViewModel
        {
            Id = user.Id,
            UserName = user.UserName!,
            Email = user.Email ?? "",
            DisplayName = user.DisplayName,
            IsEnabled = user.IsEnabled,
            Roles = [.. roles],
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

        // An account holding a role the caller does not hold is not theirs to change (its password least of all), and
        // no role the caller does not hold is given: 403, nothing changed.
        if (!await grants.MayManageAsync(User, await userManager.GetRolesAsync(user))
            || (await grants.NotGrantableAsync(User, (await KnownRolesAsync(model)).Roles)).Count > 0)
        {
            return Forbidden();
        }

        // The user name is the owner key of content; it is not changed here.
        model.Id = user.Id;
        model.UserName = user.UserName!;
        ModelState.Remove(nameof(model.UserName));
        if (ModelState.IsValid && Report(await accounts.UpdateAsync(user, model, userManager.GetUserId(User)!)))
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

        if (!await grants.MayManageAsync(User, await userManager.GetRolesAsync(user)))
        {
            return Forbidden();
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

    /// <summary>A plain 403, rendered by the error page (not a detour to the sign-in page).</summary>
    private static StatusCodeResult Forbidden() => new(StatusCodes.Status403Forbidden);

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

    /// <summary>The roles offered on the form: those the caller may give.</summary>
    private async Task<UserEditViewModel> WithRolesAsync(UserEditViewModel model)
    {
        var names = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync();
        var refused = await grants.NotGrantableAsync(User, names);
        model.AvailableRoles = [.. RoleLabels.Order(names.Except(refused, StringComparer.OrdinalIgnoreCase))
            .Select(n => new RoleOption(n, labels.For(n)))];
        return model;
    }
}
