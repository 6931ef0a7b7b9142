using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu)
        => menu.Add(new AdminMenuItem(S["Liaison work"], S["Mandatory talks"], "/admin/talks/events", Permissions.RecordPersonnelEvents, -98, "chat-heart"));
}
