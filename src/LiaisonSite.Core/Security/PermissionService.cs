using System.Security.Claims;
using LiaisonSite.Core.Data;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Security;

/// <summary>Role → permission names, stored as one document and edited on the roles page.</summary>
public sealed class RolePermissionsDocument
{
    /// <summary>The document's key in <see cref="IDocumentStore"/>.</summary>
    public const string DocumentKey = "RolePermissions";

    public Dictionary<string, List<string>> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class PermissionService(
    IEnumerable<IPermissionProvider> providers, IDocumentStore documents, IStringLocalizerFactory localizers) : IPermissionService
{
    public const string DocumentKey = RolePermissionsDocument.DocumentKey;

    private readonly Dictionary<string, Type> _declaredBy = providers
        .SelectMany(p => p.GetPermissions().Select(permission => (permission.Name, Provider: p.GetType())))
        .DistinctBy(x => x.Name)
        .ToDictionary(x => x.Name, x => x.Provider, StringComparer.Ordinal);

    public IReadOnlyList<Permission> AllPermissions { get; } =
        [.. providers.SelectMany(p => p.GetPermissions()).DistinctBy(p => p.Name)];

    public (string Description, string Category) Describe(Permission permission)
    {
        var localizer = _declaredBy.TryGetValue(permission.Name, out var provider) ? localizers.Create(provider) : localizers.Create("", "");
        return (localizer[permission.Description].Value, string.IsNullOrEmpty(permission.Category) ? "" : localizer[permission.Category].Value);
    }

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
