using LiaisonSite.Core.Security;

namespace Liaison.Talks;

/// <summary>
/// Who sees and records talks is decided by the organization (member, branch secretary, committee) through
/// <see cref="Security.TalkAccessScope"/>; this adds the right to record personnel events, which make talks mandatory.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission RecordPersonnelEvents = new(
        "Talks.RecordPersonnelEvents", "Record personnel events that make a talk mandatory", "Liaison work");

    public IEnumerable<Permission> GetPermissions() => [RecordPersonnelEvents];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, RecordPersonnelEvents),
        new(RoleNames.BranchSecretary, RecordPersonnelEvents),
    ];
}
