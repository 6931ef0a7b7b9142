namespace Liaison.Talks.Contracts;

/// <summary>
/// The follow-up items of talks (latest version) as other modules may count them (reports, inspections, scores): when
/// the talk that opened them was held and on which school day they were closed. Composable, so the caller aggregates
/// in the database. Nothing here checks who asks; compose it with the caller's own scope.
/// </summary>
public interface ITalkFollowUpRecords
{
    IQueryable<TalkFollowUpRecord> FollowUps();
}

/// <summary>
/// One follow-up item: opened at the talk (<see cref="TalkDate"/>), closed on <see cref="ClosedDate"/> (the school day
/// its closing was saved; null while open). Items of talks saved before these records existed appear at the talk's
/// next save.
/// </summary>
public sealed class TalkFollowUpRecord
{
    public string ContentItemId { get; init; } = "";

    public int MemberId { get; init; }

    public string BranchId { get; init; } = "";

    public DateOnly? TalkDate { get; init; }

    public bool Closed { get; init; }

    public DateOnly? ClosedDate { get; init; }
}
