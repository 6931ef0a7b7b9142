using LiaisonSite.Core.Security;

namespace Liaison.Notices;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission HandleObjections = new("Notices.HandleObjections", "处理公示异议", "公示");

    /// <summary>Without it, objections are limited to notices of the branches the user is secretary of.</summary>
    public static readonly Permission HandleAllObjections = new("Notices.HandleAllObjections", "处理全部党组织的公示异议", "公示");

    public IEnumerable<Permission> GetPermissions() => [HandleObjections, HandleAllObjections];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, HandleObjections, HandleAllObjections),
        new(RoleNames.BranchSecretary, HandleObjections),
    ];
}
