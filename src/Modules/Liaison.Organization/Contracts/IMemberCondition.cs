using System.Security.Claims;

namespace Liaison.Organization.Contracts;

/// <summary>
/// A condition another module decides about members (Reports: "meets the liaison condition", 达到联系群众工作条件),
/// offered as a filter of the roster's member list (/admin/organization/members?condition={Key}), where awards and
/// promotions are prepared. The list applies it to the members it already shows, so scope stays the list's.
/// </summary>
public interface IMemberCondition
{
    /// <summary>The filter's value in the URL.</summary>
    string Key { get; }

    /// <summary>The filter's label, in the user's language.</summary>
    string DisplayName { get; }

    /// <summary>The ids of the members the user manages who meet the condition.</summary>
    Task<IReadOnlyCollection<int>> MemberIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
