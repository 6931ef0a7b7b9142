using System.Security.Claims;
using LiaisonSite.Core.Data;

namespace LiaisonSite.Core.Security;

/// <summary>Role → permission names, stored as one document and edited on the roles page.</summary>
public sealed class RolePermissionsDocument
{
    /// <summary>The document's key in <see cref="IDocumentStore"/>.</summary>
    public const string DocumentKey = "RolePermissions";

    public Dictionary<string, List<string>> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class PermissionService(IEnumerable<IPermissionProvider> providers, IDocumentStore documents) : IPermissionService
{
    public const string DocumentKey = RolePermissionsDocument.DocumentKey;

    public IReadOnlyList<Permission> AllPermissions { get; } =
        [.. providers.SelectMany(p => p.GetPermissions()).DistinctBy(p => p.Name)];

    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permissionName)
    {
        var roles = new List<string> { RoleNames.Anonymous };
        if (user.Identity?.IsAuthenticated == true)
        {
            roles.Add(RoleNames.Authenticated);
            roles.AddRange(user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        }

        if (roles.Contains(RoleNames.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var document = await documents.GetAsync<RolePermissionsDocument>(DocumentKey);
        return document.Roles.Any(r => roles.Contains(r.Key, StringComparer.OrdinalIgnoreCase)
            && r.Value.Contains(permissionName, StringComparer.OrdinalIgnoreCase));
    }
}
