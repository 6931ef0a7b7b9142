using LiaisonSite.Core.Security;

namespace Liaison.Organization;

/// <summary>
/// Rights over the organization and its rosters. Branch-level rights cover the branch the user is a member of
/// (their <see cref="Data.PartyMember"/> row); the committee-level right covers every branch.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    private const string Category = "Organization and roster";

    public static readonly Permission ManageAll = new("Organization.ManageAll", "Manage the school's Party organization, members and masses roster", Category);

    public static readonly Permission ManageBranch = new("Organization.ManageBranch", "Manage the branch's members, masses roster and liaison work", Category);

    /// <summary>Full phone and ID numbers instead of the masked form, within what the user may otherwise see.</summary>
    public static readonly Permission RevealPersonalData = new("Organization.RevealPersonalData", "See full phone and ID numbers", Category);

    public static readonly Permission ViewAccessLog = new("Organization.ViewAccessLog", "View the personal-data access log", Category);

    private static readonly Permission[] s_all = [ManageAll, ManageBranch, RevealPersonalData, ViewAccessLog];

    public IEnumerable<Permission> GetPermissions() => s_all;

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, ManageAll, ManageBranch, RevealPersonalData, ViewAccessLog),
        new(RoleNames.BranchSecretary, ManageBranch, RevealPersonalData),
    ];
}
