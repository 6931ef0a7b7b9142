using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu) => menu
        .Add(new AdminMenuItem("Home", S["Dashboard"], "/admin", Permissions.AccessAdmin, 0, "speedometer"))
        .Add(new AdminMenuItem("Configuration", S["Site settings"], "/admin/settings", Permissions.ManageSettings, 900, "gear"))
        .Add(new AdminMenuItem("Configuration", S["Mail server"], "/admin/settings/mail", Permissions.ManageSettings, 910, "envelope"))
        .Add(new AdminMenuItem("Configuration", S["Public forms and sign-in limits"], "/admin/settings/public", Permissions.ManageSettings, 920, "shield-check"))
        .Add(new AdminMenuItem("Configuration", S["Background jobs"], "/admin/jobs", Permissions.ManageJobs, 950, "clock"));
}
