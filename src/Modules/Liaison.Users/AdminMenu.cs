using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Users;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public const string Group = "Security";

    public void BuildMenu(AdminMenuBuilder menu) => menu
        .Add(new AdminMenuItem(Group, S["Users"], "/admin/users", Permissions.ManageUsers, 800, "people"))
        .Add(new AdminMenuItem(Group, S["Roles"], "/admin/roles", Permissions.ManageRoles, 810, "shield-lock"));
}
