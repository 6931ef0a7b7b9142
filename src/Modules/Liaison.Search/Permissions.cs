using LiaisonSite.Core.Security;

namespace Liaison.Search;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission Manage = new("Search.Manage", "Manage the search index", "Search");

    public IEnumerable<Permission> GetPermissions() => [Manage];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() => [new(RoleNames.CommitteeAdmin, Manage)];
}
