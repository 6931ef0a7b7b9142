using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;

namespace Liaison.Admin;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission AccessAdmin = new(AdminAttribute.AccessAdminPermission, "进入管理后台", "管理后台");
    public static readonly Permission ManageSettings = new("Settings.Manage", "管理站点设置", "管理后台");

    /// <summary>The background jobs page; granted to no role by default, so only administrators have it.</summary>
    public static readonly Permission ManageJobs = new("Jobs.Manage", "查看和运行后台任务", "管理后台");

    public IEnumerable<Permission> GetPermissions() => [AccessAdmin, ManageSettings, ManageJobs];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, AccessAdmin, ManageSettings),
        new(RoleNames.BranchSecretary, AccessAdmin),
        new(RoleNames.Editor, AccessAdmin),
        new(RoleNames.Member, AccessAdmin),
    ];
}
