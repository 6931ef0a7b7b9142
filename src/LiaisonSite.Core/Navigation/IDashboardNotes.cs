using System.Security.Claims;

namespace LiaisonSite.Core.Navigation;

/// <summary>
/// What a module wants the signed-in user to notice on the admin dashboard (e.g. overdue mandatory talks of their
/// branch), already localized and already scoped to the user; nothing when there is nothing to say.
/// </summary>
public interface IDashboardNotes
{
    Task<IReadOnlyList<DashboardNote>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

/// <summary>A line on the dashboard with a link; <see cref="Warning"/> marks something overdue.</summary>
public sealed record DashboardNote(string Text, string Url, bool Warning);
