using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu)
    {
        // Everyone who may edit their own items sees the list; it then shows only what they may see.
        menu.Add(new AdminMenuItem(S["Content"], S["All content"], "/admin/contents", Permissions.EditOwn, Position: 10, Icon: "file-text"));
    }
}
