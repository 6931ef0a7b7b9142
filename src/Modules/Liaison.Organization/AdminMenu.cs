using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization;

/// <summary>The 组织与花名册 group of the admin menu; Contacts and Pairing may add to <see cref="Group"/>.</summary>
internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public const string Group = "Organization and roster";

    // Visits are owner-scoped in the query, so every admin user (cadres are members) gets the entry.
    private static readonly Permission s_accessAdmin = new(AdminAttribute.AccessAdminPermission, "", "");

    public void BuildMenu(AdminMenuBuilder menu) => menu
        .Add(new AdminMenuItem(Group, S["Organizations"], "/admin/organization", Permissions.ManageBranch, 300, "diagram-3"))
        .Add(new AdminMenuItem(Group, S["Party members"], "/admin/organization/members", Permissions.ManageBranch, 310, "person-badge"))
        .Add(new AdminMenuItem(Group, S["Masses roster"], "/admin/organization/persons", Permissions.ManageBranch, 320, "people"))
        .Add(new AdminMenuItem(Group, S["Units"], "/admin/organization/units", Permissions.ManageAll, 330, "building"))
        .Add(new AdminMenuItem(Group, S["Coverage"], "/admin/organization/coverage", Permissions.ManageBranch, 340, "grid-3x3"))
        .Add(new AdminMenuItem(Group, S["Cadre visits"], "/admin/organization/visits", s_accessAdmin, 350, "journal-check"))
        .Add(new AdminMenuItem(Group, S["Access log"], "/admin/organization/access-log", Permissions.ViewAccessLog, 360, "eye"));
}
