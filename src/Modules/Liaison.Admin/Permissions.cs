using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;

namespace Liaison.Admin;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission AccessAdmin = new(AdminAttribute.AccessAdminPermission, "Use the administration", "Administration");
    public static readonly Permission ManageSettings = new("Settings.Manage", "Manage site settings", "Administration");

    /// <summary>The background jobs page; granted to no role by default, so only administrators have it.</summary>
    public static readonly Permission ManageJobs = new("Jobs.Manage", "View and run background jobs", "Administration");

    public IEnumerable<Permission> GetPermissions() => [AccessAdmin, ManageSettings, ManageJobs];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, AccessAdmin, ManageSettings),
        new(RoleNames.BranchSecretary, AccessAdmin),
        new(RoleNames.Editor, AccessAdmin),
        new(RoleNames.Member, AccessAdmin),
    ];
}
