using LiaisonSite.Core.Security;

namespace Liaison.Contacts;

/// <summary>
/// Who manages contacts is decided by the organization (branch secretary, committee); this adds only the right to
/// take the sensitive categories (2 and 4) out of the site in an export.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ExportSensitive = new(
        "Contacts.ExportSensitive", "Export sensitive contacts (support, hardship and guidance cases)", "Organization and roster");

    public IEnumerable<Permission> GetPermissions() => [ExportSensitive];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() => [new(RoleNames.CommitteeAdmin, ExportSensitive)];
}
