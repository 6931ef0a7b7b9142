using LiaisonSite.Core.Security;

namespace Liaison.Appraisals;

/// <summary>
/// Running democratic appraisals: a branch secretary their branch's campaigns, the committee every branch (the scope
/// comes from the roster, in every query). Voting needs no permission: the one-time link is the voter's right.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageAppraisals = new(
        "Appraisals.Manage", "Run democratic appraisals of members and see their results", "Liaison work");

    public IEnumerable<Permission> GetPermissions() => [ManageAppraisals];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, ManageAppraisals),
        new(RoleNames.BranchSecretary, ManageAppraisals),
    ];
}
