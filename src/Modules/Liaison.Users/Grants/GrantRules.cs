using System.Security.Claims;
using Liaison.Users.RolesAdmin;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Settings;
using Microsoft.AspNetCore.Http;

namespace Liaison.Users.Grants;

/// <summary>
/// The rule that stops privilege escalation: nobody gives or takes away a role or a permission they do not hold.
/// An actor holds a permission when <see cref="IPermissionService"/> says so, and a role when they hold every
/// permission the role grants; the Administrator role only administrators hold. An account is managed (edited, its
/// password reset, disabled, deleted) only by an actor who holds every role of that account, so only an
/// Administrator manages Administrator accounts. The users and roles pages and the Users and Roles recipe steps
/// all ask here.
/// </summary>
public sealed class GrantRules(
    IPermissionService permissions, RolePermissionsEditor editor, IHttpContextAccessor http, ISiteService site)
{
    public static bool IsAdministrator(ClaimsPrincipal actor)
        => actor.Identity?.IsAuthenticated == true
            && actor.FindAll(ClaimTypes.Role).Any(c => string.Equals(c.Value, RoleNames.Administrator, StringComparison.OrdinalIgnoreCase));

    public async Task<bool> HoldsPermissionAsync(ClaimsPrincipal actor, string permission)
        => IsAdministrator(actor) || await permissions.HasPermissionAsync(actor, permission);

    /// <summary>Whether the actor may give the role to an account or take it away.</summary>
    public async Task<bool> MayGrantRoleAsync(ClaimsPrincipal actor, string role)
    {
        if (IsAdministrator(actor))
        {
            return true;
        }

        if (string.Equals(role, RoleNames.Administrator, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var permission in await editor.GetGrantsAsync(role))
        {
            if (!await permissions.HasPermissionAsync(actor, permission))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The roles among <paramref name="roles"/> the actor may not give or take away.</summary>
    public async Task<IReadOnlyList<string>> NotGrantableAsync(ClaimsPrincipal actor, IEnumerable<string> roles)
    {
        var refused = new List<string>();
        foreach (var role in roles.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!await MayGrantRoleAsync(actor, role))
            {
                refused.Add(role);
            }
        }

        return refused;
    }

    /// <summary>An account whose roles the actor holds, every one, may be managed by the actor.</summary>
    public async Task<bool> MayManageAsync(ClaimsPrincipal actor, IEnumerable<string> rolesOfAccount)
        => (await NotGrantableAsync(actor, rolesOfAccount)).Count == 0;

    /// <summary>
    /// A role's new grants from the permissions posted or listed for it. Permissions the actor holds are as posted;
    /// the current grants the actor does not hold stay (the roles page shows them disabled, so they are not posted)
    /// unless <paramref name="strict"/>, when leaving one out refuses the change, as adding one always does.
    /// </summary>
    public async Task<RoleGrantChange> ChangeRoleGrantsAsync(
        ClaimsPrincipal actor, IReadOnlyCollection<string> current, IReadOnlyCollection<string> posted, bool strict)
    {
        var grants = new List<string>();
        foreach (var permission in (await permissions.GetAllPermissionsAsync()).Select(p => p.Name))
        {
            var isCurrent = current.Contains(permission, StringComparer.OrdinalIgnoreCase);
            var isPosted = posted.Contains(permission, StringComparer.OrdinalIgnoreCase);
            if (await HoldsPermissionAsync(actor, permission))
            {
                if (isPosted)
                {
                    grants.Add(permission);
                }
            }
            else if (isPosted != isCurrent && (isPosted || strict))
            {
                return new RoleGrantChange(current.ToList(), permission);
            }
            else if (isCurrent)
            {
                grants.Add(permission);
            }
        }

        return new RoleGrantChange(grants, null);
    }

    /// <summary>
    /// Who runs a recipe, for the Users and Roles steps: the signed-in (or anonymous) caller of a request once the
    /// site is set up; null — the system, bound by no grant — for setup and the command line, which have no caller.
    /// </summary>
    public async Task<ClaimsPrincipal?> RecipeActorAsync()
    {
        if (http.HttpContext is not { } context)
        {
            return null;
        }

        return (await site.GetSettingsAsync()).SetupCompletedUtc is null ? null : context.User;
    }
}

/// <summary>The grants a role gets, or the permission the actor may not change (then nothing changes).</summary>
public sealed record RoleGrantChange(IReadOnlyList<string> Grants, string? Refused);
