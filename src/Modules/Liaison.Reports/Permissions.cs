using LiaisonSite.Core.Security;

namespace Liaison.Reports;

/// <summary>
/// Who reads and writes quarterly reports is decided by the organization (a member their own, a branch secretary
/// their branch's, the committee all) through <see cref="Security.ReportAccessScope"/>; this adds the right to open
/// the branch views of reports and the half-yearly inspections (secretaries for their branch, the committee for all).
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission Inspect = new(
        "Reports.Inspect", "See the branch's quarterly reports and carry out the half-yearly inspection", "Liaison work");

    public const string ManageSettingsName = "Reports.Settings";

    public static readonly Permission ManageSettings = new(
        ManageSettingsName, "Set the report deadline and the yearly liaison score rule", "Liaison work");

    public IEnumerable<Permission> GetPermissions() => [Inspect, ManageSettings];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, Inspect),
        new(RoleNames.BranchSecretary, Inspect),
        new(RoleNames.CommitteeAdmin, ManageSettings),
    ];
}
