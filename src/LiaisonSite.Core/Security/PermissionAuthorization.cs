using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace LiaisonSite.Core.Security;

public sealed class PermissionRequirement(string permissionName) : IAuthorizationRequirement
{
    public string PermissionName { get; } = permissionName;
}

/// <summary>Turns "Permission:X" policy names into a <see cref="PermissionRequirement"/> on the fly.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .AddRequirements(new PermissionRequirement(policyName[Permission.PolicyPrefix.Length..]))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

internal sealed class PermissionHandler(IPermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.HasPermissionAsync(context.User, requirement.PermissionName))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Answers "may this user do X" from the user's roles and the roles' granted permissions.</summary>
public interface IPermissionService
{
    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permissionName);

    Task<bool> HasPermissionAsync(ClaimsPrincipal user, Permission permission)
        => HasPermissionAsync(user, permission.Name);

    /// <summary>
    /// Every permission there is: those the modules declare and those made from the site's data
    /// (<see cref="IDynamicPermissionProvider"/>, e.g. the per-type permissions of Securable content types).
    /// </summary>
    Task<IReadOnlyList<Permission>> GetAllPermissionsAsync();

    /// <summary>The permission's description and category in the current language, from its module's translations.</summary>
    (string Description, string Category) Describe(Permission permission) => (permission.Description, permission.Category);
}
