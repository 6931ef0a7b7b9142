using Liaison.Users.Grants;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.RolesAdmin;

[Admin]
[RequirePermission("Roles.Manage")]
[Route("admin/roles")]
public sealed class RolesAdminController(
    RoleManager<LiaisonRole> roleManager,
    RolePermissionsEditor editor,
    IPermissionService permissions,
    LiaisonDbContext db,
    RoleLabels labels,
    GrantRules grants,
    IStringLocalizer<RolesAdminController> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var document = await editor.LoadAsync();
        var descriptions = await roleManager.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Description);
        var rows = editor.AllRoleNames().Select(name => new RoleRow(
            name,
            labels.For(name),
            descriptions.GetValueOrDefault(name),
            RolePermissionsEditor.IsBuiltIn(name),
            name == RoleNames.Administrator,
            document.Roles.TryGetValue(name, out var granted) ? granted.Count : 0));
        return View(rows.ToList());
    }

    [HttpGet("create")]
    public IActionResult Create() => View(new RoleCreateViewModel());

    [HttpPost("create")]
    public async Task<IActionResult> Create(RoleCreateViewModel model)
    {
        var name = model.Name.Trim();
        if (ModelState.IsValid && (RolePermissionsEditor.IsBuiltIn(name) || await roleManager.RoleExistsAsync(name)))
        {
            ModelState.AddModelError(nameof(model.Name), S["A role named {0} already exists.", name]);
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await roleManager.CreateAsync(new LiaisonRole(name) { Description = model.Description?.Trim() });
        if (!result.Succeeded)
        {
            result.Errors.ToList().ForEach(e => ModelState.AddModelError("", e.Description));
            return View(model);
        }

        TempData.Success(S["Role {0} was created. Choose its permissions.", name]);
        return RedirectToAction(nameof(Edit), new { name });
    }

    [HttpGet("{name}/edit")]
    public async Task<IActionResult> Edit(string name)
    {
        if (await FindAsync(name) is not { } role)
        {
            return NotFound();
        }

        return View(await BuildAsync(role.Name, role.Description, await editor.GetGrantsAsync(role.Name)));
    }

    [HttpPost("{name}/edit")]
    public async Task<IActionResult> Edit(string name, RoleEditViewModel model)
    {
        if (await FindAsync(name) is not { } found)
        {
            return NotFound();
        }

        var (canonical, _, entity) = found;

        // Nobody gives or takes away a permission they do not hold: such a change is a 403 and nothing is saved.
        var change = await grants.ChangeRoleGrantsAsync(User, await editor.GetGrantsAsync(canonical), model.Permissions, strict: false);
        if (change.Refused is not null)
        {
            return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }

        if (!ModelState.IsValid)
        {
            return View(await BuildAsync(canonical, model.Description, model.Permissions));
        }

        // Administrator holds every permission implicitly; its grants are not edited.
        if (canonical != RoleNames.Administrator)
        {
            await editor.ReplaceAsync(canonical, change.Grants);
        }

        if (entity is not null && !RolePermissionsEditor.IsBuiltIn(canonical))
        {
            entity.Description = string.IsNullOrWhiteSpace(model.Description) ? null : model.Description.Trim();
        }

        await db.SaveChangesAsync();
        TempData.Success(S["The permissions of role {0} were saved.", labels.For(canonical)]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{name}/delete")]
    public async Task<IActionResult> Delete(string name)
    {
        if (await FindAsync(name) is not { } found)
        {
            return NotFound();
        }

        var (canonical, _, entity) = found;

        if (RolePermissionsEditor.IsBuiltIn(canonical) || entity is null)
        {
            TempData.Error(S["Built-in roles cannot be deleted."]);
            return RedirectToAction(nameof(Index));
        }

        // Deleting a role takes it away from its users: only someone who may give it may do that.
        if (!await grants.MayGrantRoleAsync(User, canonical))
        {
            return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await editor.RemoveAsync(canonical);
        var result = await roleManager.DeleteAsync(entity);
        if (result.Succeeded)
        {
            await transaction.CommitAsync();
            TempData.Success(S["Role {0} was deleted.", canonical]);
        }
        else
        {
            TempData.Error(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>The role by name in any case: an Identity role, or one of the two permission-only roles.</summary>
    private async Task<(string Name, string? Description, LiaisonRole? Entity)?> FindAsync(string name)
    {
        if (await roleManager.FindByNameAsync(name) is { } role)
        {
            return (role.Name!, role.Description, role);
        }

        var system = RoleNames.All.FirstOrDefault(r => RoleNames.IsSystem(r) && string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
        return system is null ? null : (system, null, null);
    }

    private async Task<RoleEditViewModel> BuildAsync(string name, string? description, IEnumerable<string> granted)
    {
        var isAdministrator = name == RoleNames.Administrator;
        var options = new List<(string Category, PermissionOption Option)>();
        foreach (var p in await permissions.GetAllPermissionsAsync())
        {
            // A permission the user does not hold is shown, but cannot be changed by them. Its text is translated
            // by the module that declares it.
            var (text, category) = permissions.Describe(p);
            options.Add((category, new PermissionOption(p.Name, text,
                isAdministrator || granted.Contains(p.Name, StringComparer.OrdinalIgnoreCase),
                !isAdministrator && await grants.HoldsPermissionAsync(User, p.Name))));
        }

        var groups = options
            .GroupBy(o => string.IsNullOrEmpty(o.Category) ? S["General"].Value : o.Category)
            .Select(g => new PermissionGroup(g.Key, [.. g.Select(o => o.Option)]))
            .ToList();
        return new RoleEditViewModel
        {
            Name = name,
            Label = labels.For(name),
            Description = description,
            IsAdministrator = isAdministrator,
            IsBuiltIn = RolePermissionsEditor.IsBuiltIn(name),
            Groups = groups,
        };
    }
}
