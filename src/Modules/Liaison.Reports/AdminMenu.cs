using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu)
    {
        menu.Add(new AdminMenuItem(S["Liaison work"], S["Quarterly reports"], "/admin/reports", Permissions.Inspect, -96, "journal-check"));
        menu.Add(new AdminMenuItem(S["Liaison work"], S["Half-yearly inspections"], "/admin/inspections", Permissions.Inspect, -95, "clipboard-data"));
        menu.Add(new AdminMenuItem(S["Liaison work"], S["Yearly liaison scores"], "/admin/reports/scores", Permissions.Inspect, -94, "award"));
        menu.Add(new AdminMenuItem(S["Liaison work"], S["Report settings"], "/admin/reports/settings", Permissions.ManageSettings, -93, "sliders"));
    }
}
