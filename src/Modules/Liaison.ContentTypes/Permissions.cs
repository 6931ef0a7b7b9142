using LiaisonSite.Core.Security;

namespace Liaison.ContentTypes;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission Manage = new("ContentTypes.Manage", "Manage content types", "Content");

    public IEnumerable<Permission> GetPermissions() => [Manage];

    // Changing a type changes what every editor sees, so only the Administrator has it by default.
    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() => [];
}
