using LiaisonSite.Core.Security;

namespace Liaison.Search;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission Manage = new("Search.Manage", "管理搜索索引", "搜索");

    public IEnumerable<Permission> GetPermissions() => [Manage];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() => [new(RoleNames.CommitteeAdmin, Manage)];
}
