using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Appraisals;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu)
        => menu.Add(new AdminMenuItem(S["Liaison work"], S["Democratic appraisal"], "/admin/appraisals", Permissions.ManageAppraisals, -90, "check2-square"));
}
