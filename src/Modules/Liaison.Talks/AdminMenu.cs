using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    // Liaison.Admin's permission, named here to keep this module free of a reference to it.
    private static readonly LiaisonSite.Core.Security.Permission s_adminAccess = new("Admin.Access", "");

    public void BuildMenu(AdminMenuBuilder menu)
    {
        menu.Add(new AdminMenuItem(S["Liaison work"], S["Mandatory talks"], "/admin/talks/events", Permissions.RecordPersonnelEvents, -98, "chat-heart"));
        menu.Add(new AdminMenuItem(S["Liaison work"], S["Follow-ups"], "/admin/follow-ups", s_adminAccess, -97, "list-check"));
    }
}
