namespace LiaisonSite.Core.Security;

/// <summary>A named right. <see cref="Policy"/> is the authorization policy that requires it.</summary>
public sealed record Permission(string Name, string Description, string Category = "")
{
    public const string PolicyPrefix = "Permission:";

    public string Policy => PolicyPrefix + Name;

    public override string ToString() => Name;
}

/// <summary>A module's permissions and which roles get them on a new site.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    IEnumerable<DefaultRoleGrant> GetDefaultGrants();
}

public sealed record DefaultRoleGrant(string Role, params Permission[] Permissions);

/// <summary>The built-in roles. Administrator has every permission; Anonymous applies to every caller.</summary>
public static class RoleNames
{
    public const string Administrator = "Administrator";
    public const string CommitteeAdmin = "CommitteeAdmin";
    public const string BranchSecretary = "BranchSecretary";
    public const string Editor = "Editor";
    public const string Member = "Member";
    public const string Anonymous = "Anonymous";
    public const string Authenticated = "Authenticated";

    public static readonly IReadOnlyList<string> All =
        [Administrator, CommitteeAdmin, BranchSecretary, Editor, Member, Authenticated, Anonymous];

    /// <summary>Roles that nobody is assigned to; they apply to callers by their sign-in state.</summary>
    public static bool IsSystem(string role) => role is Anonymous or Authenticated;
}

/// <summary>Marks a controller or action as requiring a permission (an authorization policy).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permissionName)
    : Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Permission.PolicyPrefix + permissionName);
