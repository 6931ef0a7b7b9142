using LiaisonSite.Core.Navigation;
using Microsoft.Extensions.Localization;

namespace Liaison.Search;

internal sealed class AdminMenu(IStringLocalizer<AdminMenu> S) : IAdminMenuProvider
{
    public void BuildMenu(AdminMenuBuilder menu)
    {
        // Admin search shows each user only what they may see, so everyone who edits their own items gets it.
        menu.Add(new AdminMenuItem(S["Content"], S["Search"], "/admin/search", Liaison.Contents.Permissions.EditOwn, Position: 15, Icon: "search"));
        menu.Add(new AdminMenuItem(S["Settings"], S["Search index"], "/admin/search/index", Permissions.Manage, Position: 60, Icon: "database"));
    }
}
