using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Pairing;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu)
        => menu.Add(new AdminMenuItem(S["Organization"], S["Pairing"], "/admin/pairing", Liaison.Organization.Permissions.ManageBranch, 30, "people"));
}
