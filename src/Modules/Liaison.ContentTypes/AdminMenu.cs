using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentTypes;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu)
        => menu.Add(new(S["System"], S["Content types"], "/admin/content-types", Permissions.Manage, Position: 70));
}
