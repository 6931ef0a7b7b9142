using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Users.RolesAdmin;

internal sealed class RoleDefaults(
    RoleManager<LiaisonRole> roles, RolePermissionsEditor editor, IEnumerable<IPermissionProvider> providers, LiaisonDbContext db)
    : IRoleDefaults
{
    public async Task ApplyDefaultGrantsAsync()
    {
        foreach (var name in RoleNames.All.Where(r => !RoleNames.IsSystem(r)))
        {
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new LiaisonRole(name));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
                }
            }
        }

        await editor.AddAsync(providers.SelectMany(p => p.GetDefaultGrants()));
        await db.SaveChangesAsync();
    }

    public Task AddGrantsAsync(IEnumerable<DefaultRoleGrant> grants) => editor.AddAsync(grants);

    public async Task RevokeAsync(string role, string permission)
    {
        var granted = await editor.GetGrantsAsync(role);
        if (granted.Contains(permission, StringComparer.OrdinalIgnoreCase))
        {
            await editor.ReplaceAsync(role, granted.Where(p => !string.Equals(p, permission, StringComparison.OrdinalIgnoreCase)));
        }
    }
}
