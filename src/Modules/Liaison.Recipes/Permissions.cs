using LiaisonSite.Core.Security;

namespace Liaison.Recipes;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission Import = new("Recipes.Import", "Import recipes", "Recipes");
    public static readonly Permission Export = new("Recipes.Export", "Export recipes", "Recipes");

    public IEnumerable<Permission> GetPermissions() => [Import, Export];

    // Importing can rewrite any definition or item, so it stays with the Administrator (who has every permission).
    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() => [new(RoleNames.CommitteeAdmin, Export)];
}
