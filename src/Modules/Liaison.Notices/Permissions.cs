using LiaisonSite.Core.Security;

namespace Liaison.Notices;

internal sealed class Permissions : IPermissionProvider
{
    public static readonly Permission HandleObjections = new("Notices.HandleObjections", "Handle objections to notices", "Notices");

    /// <summary>Without it, objections are limited to notices of the branches the user is secretary of.</summary>
    public static readonly Permission HandleAllObjections = new("Notices.HandleAllObjections", "Handle objections to every branch's notices", "Notices");

    public IEnumerable<Permission> GetPermissions() => [HandleObjections, HandleAllObjections];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, HandleObjections, HandleAllObjections),
        new(RoleNames.BranchSecretary, HandleObjections),
    ];
}
