using System.Security.Claims;

namespace Liaison.Talks.Contracts;

/// <summary>
/// A kind of record whose items are followed until answered (talk follow-ups, forum opinions, reception-day concerns,
/// the opinion box): the follow-up list (/admin/follow-ups) gathers every source. A source lists only the items the
/// user may see (its own scope) and closes an item only when the user may change it.
/// </summary>
public interface IFollowUpSource
{
    /// <summary>"Talk", "Forum", "ReceptionDay", "Opinion": the filter's value.</summary>
    string Source { get; }

    /// <summary>The source's name in the user's language.</summary>
    string DisplayName { get; }

    Task<IReadOnlyList<FollowUpRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Closes the item with the note; false when it is not the user's to close (or unknown). Saves.</summary>
    Task<bool> CloseAsync(ClaimsPrincipal user, string key, string note, CancellationToken cancellationToken);
}

/// <summary>One follow-up item as the list shows it.</summary>
public sealed record FollowUpRow(
    string Source, string Key, string Text, int? OwnerMemberId, string BranchId, DateOnly? DueDate, bool Closed,
    string? ClosingNote, string Url);
