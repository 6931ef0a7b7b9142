using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Localization;

namespace Liaison.Workflows;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    // Liaison.Admin's permission, named here to keep this module free of a reference to it.
    private static readonly Permission s_adminAccess = new(AdminAttribute.AccessAdminPermission, "");

    public void BuildMenu(AdminMenuBuilder menu)
    {
        menu.Add(new AdminMenuItem(S["Liaison work"], S["Task inbox"], "/admin/inbox", s_adminAccess, -98, "inbox"));
        menu.Add(new AdminMenuItem(S["System"], S["Workflows"], "/admin/workflows", Permissions.Manage, 60, "diagram-3"));
    }
}
