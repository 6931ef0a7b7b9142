using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Localization;

namespace Liaison.Forms;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    // Liaison.Admin's permission, named here to keep this module free of a reference to it.
    private static readonly Permission s_adminAccess = new(AdminAttribute.AccessAdminPermission, "");

    public void BuildMenu(AdminMenuBuilder menu)
        => menu.Add(new AdminMenuItem(S["Liaison work"], S["Forms"], "/admin/forms", s_adminAccess, -90, "ui-checks"));
}
