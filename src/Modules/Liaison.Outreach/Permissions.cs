using LiaisonSite.Core.Security;

namespace Liaison.Outreach;

/// <summary>
/// Forums and reception days are scoped by the organization (<see cref="Security.OutreachAccessScope"/>); the opinion
/// box is read and answered by the committee, to whom rights complaints are routed.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission HandleOpinions = new(
        "Outreach.HandleOpinions", "Read and answer the opinion box", "Liaison work");

    public IEnumerable<Permission> GetPermissions() => [HandleOpinions];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() => [new(RoleNames.CommitteeAdmin, HandleOpinions)];
}
