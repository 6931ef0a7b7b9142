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

/// <summary>
/// A caller holds a permission when one of their roles is granted it, or is granted one that implies it
/// (<see cref="Permission.ImpliedBy"/>); Administrator holds everything. The data-made permissions are listed only when a
/// name the modules do not declare is asked about.
/// </summary>
internal sealed class PermissionService(
    IEnumerable<IPermissionProvider> providers, IEnumerable<IDynamicPermissionProvider> dynamicProviders,
    IDocumentStore documents, IStringLocalizerFactory localizers) : IPermissionService
{
    public const string DocumentKey = RolePermissionsDocument.DocumentKey;

    private readonly Dictionary<string, (Permission Permission, Type Provider)> _declared = providers
        .SelectMany(p => p.GetPermissions().Select(permission => (Permission: permission, Provider: p.GetType())))
        .DistinctBy(x => x.Permission.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(x => x.Permission.Name, x => (x.Permission, x.Provider), StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, (Permission Permission, Type Provider)>? _made;

    public async Task<IReadOnlyList<Permission>> GetAllPermissionsAsync()
        => [.. _declared.Values.Select(x => x.Permission), .. (await MadeAsync()).Values.Select(x => x.Permission)];

    public (string Description, string Category) Describe(Permission permission)
    {
        var provider = _declared.TryGetValue(permission.Name, out var declared) ? declared.Provider
            : _made?.TryGetValue(permission.Name, out var made) == true ? made.Provider
            : null;
        var localizer = provider is null ? localizers.Create("", "") : localizers.Create(provider);
        var arguments = permission.Arguments.Cast<object>().ToArray();
        return (localizer[permission.Description, arguments].Value,
            string.IsNullOrEmpty(permission.Category) ? "" : localizer[permission.Category, arguments].Value);
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
        var granted = document.Roles
            .Where(r => roles.Contains(r.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(r => r.Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (granted.Contains(permissionName))
        {
            return true;
        }

        var permission = _declared.TryGetValue(permissionName, out var declared) ? declared.Permission
            : (await MadeAsync()).TryGetValue(permissionName, out var made) ? made.Permission
            : null;
        return permission is not null && permission.ImpliedBy.Any(granted.Contains);
    }

    /// <summary>
    /// The data-made permissions, listed afresh each time (a recipe may define a type and grant its permissions in one
    /// request; the definitions they are made from are in memory). The last list is kept for <see cref="Describe"/>.
    /// </summary>
    private async Task<Dictionary<string, (Permission Permission, Type Provider)>> MadeAsync()
    {
        var made = new Dictionary<string, (Permission, Type)>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in dynamicProviders)
        {
            foreach (var permission in await provider.GetPermissionsAsync())
            {
                if (!_declared.ContainsKey(permission.Name))
                {
                    made.TryAdd(permission.Name, (permission, provider.GetType()));
                }
            }
        }

        return _made = made;
    }
}
