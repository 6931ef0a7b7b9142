using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Liaison.Users.RolesAdmin;

/// <summary>Reads and replaces role → permission grants (the roles page, the Roles step and the defaults share it).</summary>
public sealed class RolePermissionsEditor(IDocumentStore documents, IPermissionService permissions, RoleManager<LiaisonRole> roles)
{
    public Task<RolePermissionsDocument> LoadAsync() => documents.GetAsync<RolePermissionsDocument>(RolePermissionsDocument.DocumentKey);

    public async Task<IReadOnlyList<string>> GetGrantsAsync(string role)
        => (await LoadAsync()).Roles.TryGetValue(role, out var granted) ? granted : [];

    /// <summary>Names in <paramref name="names"/> that are no permission (declared by a module or made per Securable type).</summary>
    public async Task<IReadOnlyList<string>> UnknownAsync(IEnumerable<string> names)
    {
        var all = await permissions.GetAllPermissionsAsync();
        return [.. names.Where(n => !all.Any(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>Replaces the role's grants with the declared permissions among <paramref name="names"/>, in canonical spelling.</summary>
    public async Task ReplaceAsync(string role, IEnumerable<string> names)
    {
        var document = await LoadAsync();
        document.Roles[role] = [.. (await permissions.GetAllPermissionsAsync())
            .Where(p => names.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .Select(p => p.Name)];
        await documents.SaveAsync(RolePermissionsDocument.DocumentKey, document);
    }

    /// <summary>Adds grants, keeping those the role has.</summary>
    public async Task AddAsync(IEnumerable<DefaultRoleGrant> grants)
    {
        var document = await LoadAsync();
        foreach (var grant in grants)
        {
            var list = document.Roles.TryGetValue(grant.Role, out var existing) ? existing : document.Roles[grant.Role] = [];
            list.AddRange(grant.Permissions.Select(p => p.Name).Where(n => !list.Contains(n, StringComparer.OrdinalIgnoreCase)));
        }

        await documents.SaveAsync(RolePermissionsDocument.DocumentKey, document);
    }

    public async Task RemoveAsync(string role)
    {
        var document = await LoadAsync();
        if (document.Roles.Remove(role))
        {
            await documents.SaveAsync(RolePermissionsDocument.DocumentKey, document);
        }
    }

    /// <summary>Every role: the Identity roles (assignable) and the two that only hold permissions.</summary>
    public IReadOnlyList<string> AllRoleNames()
        => [.. RoleLabels.Order(roles.Roles.Select(r => r.Name!).AsEnumerable()
            .Concat([RoleNames.Authenticated, RoleNames.Anonymous]).Distinct(StringComparer.OrdinalIgnoreCase))];

    /// <summary>Built-in roles cannot be deleted or renamed.</summary>
    public static bool IsBuiltIn(string role) => RoleNames.All.Contains(role, StringComparer.OrdinalIgnoreCase);
}
