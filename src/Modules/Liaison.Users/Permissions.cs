using LiaisonSite.Core.Security;

namespace Liaison.Users;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("Users.Manage", "Manage users", "Users and permissions");
    public static readonly Permission ManageRoles = new("Roles.Manage", "Manage roles", "Users and permissions");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() => [new(RoleNames.CommitteeAdmin, ManageUsers)];
}
