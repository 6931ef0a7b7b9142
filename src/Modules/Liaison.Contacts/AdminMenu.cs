using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Localization;

namespace Liaison.Contacts;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    // Liaison.Admin's permission, named here to keep this module free of a reference to it.
    private static readonly Permission s_adminAccess = new("Admin.Access", "");

    public void BuildMenu(AdminMenuBuilder menu)
    {
        menu.Add(new AdminMenuItem(S["Liaison work"], S["My liaison work"], "/admin/my-work", s_adminAccess, -100, "person-check"));
        menu.Add(new AdminMenuItem(S["Liaison work"], S["Contacts"], "/admin/contacts", Organization.Permissions.ManageBranch, -99, "people"));
    }
}
