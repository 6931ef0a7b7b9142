using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu)
        => menu.Add(new AdminMenuItem(S["Content"], S["Notice objections"], "/admin/notices/objections", Permissions.HandleObjections, 40, "megaphone"));
}
