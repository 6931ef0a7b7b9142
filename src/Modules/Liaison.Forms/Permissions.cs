using LiaisonSite.Core.Security;

namespace Liaison.Forms;

internal sealed class Permissions : IPermissionProvider
{
    /// <summary>Which types are forms and to whom they are offered: no role by default, so administrators only.</summary>
    public const string ManageName = "Forms.Manage";

    public static readonly Permission Manage = new(ManageName, "Manage forms", "Forms");

    public IEnumerable<Permission> GetPermissions() => [Manage];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() => [];
}
