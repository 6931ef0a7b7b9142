using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Security;

/// <summary>
/// People read role names in their language; custom roles show their own name. The kernel's, so that every module
/// that shows roles (users, forms …) names them alike; the texts are translated in Liaison.Users' PO.
/// </summary>
public sealed class RoleLabels(IStringLocalizer<RoleLabels> S)
{
    public string For(string role) => role switch
    {
        RoleNames.Administrator => S["Administrator"],
        RoleNames.CommitteeAdmin => S["Party committee administrator"],
        RoleNames.BranchSecretary => S["Branch secretary"],
        RoleNames.Editor => S["Publicity editor"],
        RoleNames.Member => S["Party member"],
        RoleNames.Authenticated => S["Any signed-in user"],
        RoleNames.Anonymous => S["Any visitor"],
        _ => role,
    };

    /// <summary>Built-in roles first in their usual order, then custom roles by name.</summary>
    public static IEnumerable<string> Order(IEnumerable<string> roles)
        => roles.OrderBy(r => RoleNames.All.Contains(r) ? RoleNames.All.ToList().IndexOf(r) : int.MaxValue)
            .ThenBy(r => r, StringComparer.OrdinalIgnoreCase);
}
