using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Recipes;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu)
    {
        menu.Add(new(S["System"], S["Import recipe"], "/admin/recipes", Permissions.Import, Position: 80));
        menu.Add(new(S["System"], S["Export recipe"], "/admin/recipes/export", Permissions.Export, Position: 81));
    }
}
