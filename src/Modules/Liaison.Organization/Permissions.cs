using LiaisonSite.Core.Security;

namespace Liaison.Organization;

/// <summary>
/// Rights over the organization and its rosters. Branch-level rights cover the branch the user is a member of
/// (their <see cref="Data.PartyMember"/> row); the committee-level right covers every branch.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    private const string Category = "组织与花名册";

    public static readonly Permission ManageAll = new("Organization.ManageAll", "管理全校党组织、党员和群众花名册", Category);

    public static readonly Permission ManageBranch = new("Organization.ManageBranch", "管理本支部党员、群众花名册和联系工作", Category);

    /// <summary>Full phone and ID numbers instead of the masked form, within what the user may otherwise see.</summary>
    public static readonly Permission RevealPersonalData = new("Organization.RevealPersonalData", "查看完整的电话和身份证号", Category);

    public static readonly Permission ViewAccessLog = new("Organization.ViewAccessLog", "查看个人信息访问记录", Category);

    private static readonly Permission[] s_all = [ManageAll, ManageBranch, RevealPersonalData, ViewAccessLog];

    public IEnumerable<Permission> GetPermissions() => s_all;

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, ManageAll, ManageBranch, RevealPersonalData, ViewAccessLog),
        new(RoleNames.BranchSecretary, ManageBranch, RevealPersonalData),
    ];
}
