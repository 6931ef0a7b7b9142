using System.Text.Json.Nodes;
using Liaison.Users.Grants;
using Liaison.Users.RolesAdmin;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.Recipes;

/// <summary>
/// {"name":"Roles","Roles":[{"Name":"Editor","Description":"…","Permissions":["Contents.Edit"]}]}: creates missing
/// roles and replaces each listed role's permissions. Orchard Core's permission names (EditContent, ManageUsers …) are
/// mapped to this site's; names with no counterpart are reported, not refused. Run by a signed-in user (recipe
/// import), it changes no permission that user does not hold (<see cref="GrantRules"/>).
/// </summary>
internal sealed class RolesStep(
    RoleManager<LiaisonRole> roles, RolePermissionsEditor editor, GrantRules grants, IStringLocalizer<RolesStep> S)
    : IRecipeStepHandler
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        foreach (var entry in context.Step.GetArray("Roles"))
        {
            var role = entry as JsonObject ?? throw new RecipeException(S["Each role must be a JSON object."]);
            var name = role.GetString("Name")?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new RecipeException(S["A role has no \"Name\"."]);
            }

            var granted = await GrantedAsync(context, name, role.GetArray("Permissions").Select(p => p?.ToString() ?? ""));

            var description = role.GetString("Description");
            if (!RoleNames.IsSystem(name))
            {
                await EnsureRoleAsync(name, description);
            }

            if (role.GetProperty("Permissions") is not null)
            {
                var canonical = RoleNames.All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)) ?? name;
                if (await grants.RecipeActorAsync() is { } actor)
                {
                    var change = await grants.ChangeRoleGrantsAsync(actor, await editor.GetGrantsAsync(canonical), granted, strict: true);
                    if (change.Refused is not null)
                    {
                        throw new RecipeException(S["Role '{0}': you may not give or take away permission '{1}', which you do not hold.", name, change.Refused]);
                    }
                }

                await editor.ReplaceAsync(canonical, granted);
            }
        }
    }

    /// <summary>
    /// The permissions as this site names them: its own names as they are, Orchard Core's mapped
    /// (<see cref="OrchardPermissionNames"/>); any other name is left out and said in the report.
    /// </summary>
    private async Task<List<string>> GrantedAsync(RecipeStepContext context, string role, IEnumerable<string> names)
    {
        var granted = new List<string>();
        foreach (var name in names)
        {
            var ours = (await editor.UnknownAsync([name])).Count > 0 ? OrchardPermissionNames.Map(name) : [name];
            if (ours is null)
            {
                context.Dropped(S["Role '{0}': permission '{1}' has no counterpart on this site; it was not granted.", role, name]);
                continue;
            }

            if (OrchardPermissionNames.ContentTypeOf(name) is { } type && (await editor.UnknownAsync(ours)).Count > 0)
            {
                // EditContent_Blog when Blog is not defined here, or is not Securable (only Securable types have their own).
                context.Dropped(S["Role '{0}': permission '{1}' is for content type '{2}', which is not a Securable type of this site; it was not granted.", role, name, type]);
                continue;
            }

            granted.AddRange(ours.Where(p => !granted.Contains(p, StringComparer.OrdinalIgnoreCase)));
        }

        return granted;
    }

    private async Task EnsureRoleAsync(string name, string? description)
    {
        var existing = await roles.FindByNameAsync(name);
        IdentityResult result;
        if (existing is null)
        {
            result = await roles.CreateAsync(new LiaisonRole(name) { Description = description });
        }
        else if (description is not null && existing.Description != description)
        {
            existing.Description = description;
            result = await roles.UpdateAsync(existing);
        }
        else
        {
            return;
        }

        if (!result.Succeeded)
        {
            throw new RecipeException(S["Role '{0}': {1}", name, string.Join(" ", result.Errors.Select(e => e.Description))]);
        }
    }
}
