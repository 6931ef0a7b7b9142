using LiaisonSite.Core.Security;

namespace Liaison.Media;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission Upload = new("Media.Upload", "Upload images", "Media");

    public IEnumerable<Permission> GetPermissions() => [Upload];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.Editor, Upload),
        new(RoleNames.CommitteeAdmin, Upload),
        new(RoleNames.BranchSecretary, Upload),
    ];
}
