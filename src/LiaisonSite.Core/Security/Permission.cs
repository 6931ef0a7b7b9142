namespace LiaisonSite.Core.Security;

/// <summary>A named right. <see cref="Policy"/> is the authorization policy that requires it.</summary>
public sealed record Permission(string Name, string Description, string Category = "")
{
    public const string PolicyPrefix = "Permission:";

    /// <summary>
    /// Permissions whose holder holds this one too, all of them (the list is not followed further): Orchard's
    /// "EditContent implies EditContent_{Type}". Empty for most permissions.
    /// </summary>
    public IReadOnlyList<string> ImpliedBy { get; init; } = [];

    /// <summary>
    /// Arguments of <see cref="Description"/> and <see cref="Category"/> when they are formats ("Edit all {0}"), given
    /// after translation: a permission made per content type names the type's display name.
    /// </summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string Policy => PolicyPrefix + Name;

    public override string ToString() => Name;
}

/// <summary>A module's permissions and which roles get them on a new site.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    IEnumerable<DefaultRoleGrant> GetDefaultGrants();
}

/// <summary>
/// Permissions that exist because of the site's data rather than a module's code: Orchard's per-type content permissions,
/// one set for each Securable content type. Asked when the full list is needed (the roles page, a Roles step, a check of
/// a name no module declares); a module answering here also answers <see cref="IPermissionProvider"/> for its fixed ones.
/// </summary>
public interface IDynamicPermissionProvider
{
    Task<IReadOnlyList<Permission>> GetPermissionsAsync();
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
