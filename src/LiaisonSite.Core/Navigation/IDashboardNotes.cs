using System.Security.Claims;

namespace LiaisonSite.Core.Navigation;

/// <summary>
/// What a module wants the signed-in user to notice on the admin dashboard (e.g. overdue mandatory talks of their
/// branch), already localized and already scoped to the user; nothing when there is nothing to say.
/// </summary>
public interface IDashboardNotes
{
    Task<IReadOnlyList<DashboardNote>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>
    /// The module's blocks of the user's own work on the dashboard (issue 15: a secretary's people without a contact
    /// member, …), already scoped and localized; none for a user the module has no work for. Cheap: a few counting
    /// queries, never one per row.
    /// </summary>
    Task<IReadOnlyList<DashboardBlock>> BlocksAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<DashboardBlock>>([]);
}

/// <summary>
/// A block of the dashboard: a heading, lines that each link to where that work is done, the link to the block's
/// page, and what to do next when there is nothing to report (<see cref="EmptyText"/>, shown when Lines is empty).
/// </summary>
public sealed record DashboardBlock(
    string Title, IReadOnlyList<DashboardNote> Lines, string Url, string LinkText, string EmptyText, int Position = 0);

/// <summary>A line on the dashboard with a link; <see cref="Warning"/> marks something overdue.</summary>
public sealed record DashboardNote(string Text, string Url, bool Warning);
