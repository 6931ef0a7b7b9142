using LiaisonSite.Core.Events;

namespace Liaison.Workflows.Contracts;

/// <summary>
/// A module's explicit step on one of its content items (a quarterly report handed in), for workflows waiting on a
/// <c>SignalEvent</c> whose <c>Signal</c> property is <see cref="Signal"/>: it starts such types (start activity) and
/// resumes the item's instances halted on it. Raise it with <c>db.Raise</c> in the unit of work of the change, so it
/// is delivered after commit, and only if the change commits.
/// </summary>
[DomainEvent("Workflows.ContentSignalled")]
public sealed record ContentSignalled(string Signal, string ContentItemId, string ContentType, string? UserName) : IDomainEvent;
