using System.Security.Claims;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Navigation;

/// <summary>A module's entries in the admin menu. Every item names the permission it needs.</summary>
public interface IAdminMenuProvider
{
    void BuildMenu(AdminMenuBuilder menu);
}

public sealed record AdminMenuItem(
    string Group, LocalizedString Text, string Url, Permission Permission, int Position = 0, string? Icon = null);

public sealed class AdminMenuBuilder
{
    private readonly List<AdminMenuItem> _items = [];

    public IReadOnlyList<AdminMenuItem> Items => _items;

    public AdminMenuBuilder Add(AdminMenuItem item)
    {
        _items.Add(item);
        return this;
    }
}

public interface IAdminMenu
{
    /// <summary>The items the user may see, grouped and ordered.</summary>
    Task<IReadOnlyList<IGrouping<string, AdminMenuItem>>> GetMenuAsync(ClaimsPrincipal user);
}

internal sealed class AdminMenu(IEnumerable<IAdminMenuProvider> providers, IPermissionService permissions) : IAdminMenu
{
    public async Task<IReadOnlyList<IGrouping<string, AdminMenuItem>>> GetMenuAsync(ClaimsPrincipal user)
    {
        var builder = new AdminMenuBuilder();
        foreach (var provider in providers)
        {
            provider.BuildMenu(builder);
        }

        var visible = new List<AdminMenuItem>();
        foreach (var item in builder.Items)
        {
            if (await permissions.HasPermissionAsync(user, item.Permission))
            {
                visible.Add(item);
            }
        }

        return [.. visible.OrderBy(i => i.Position).GroupBy(i => i.Group)];
    }
}
