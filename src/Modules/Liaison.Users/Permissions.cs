using LiaisonSite.Core.Security;

namespace Liaison.Users;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("Users.Manage", "管理用户", "用户与权限");
    public static readonly Permission ManageRoles = new("Roles.Manage", "管理角色", "用户与权限");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, ManageRoles];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() => [new(RoleNames.CommitteeAdmin, ManageUsers)];
}
