namespace Liaison.Talks.Contracts;

/// <summary>
/// Talks and mandatory-talk obligations as other modules may count them (reports, inspections, scores): ids, dates
/// and occasions only, composable IQueryables so the caller aggregates in the database (GROUP BY over the indexes).
/// Nothing here checks who asks; compose it with the caller's own scope.
/// </summary>
public interface ITalkRecords
{
    /// <summary>The latest version of every talk.</summary>
    IQueryable<TalkRecord> Talks();

    /// <summary>Every mandatory talk (五必谈) that fell due, open or closed.</summary>
    IQueryable<MandatoryTalkRecord> MandatoryTalks();
}

/// <summary>One talk (latest version).</summary>
public sealed class TalkRecord
{
    public string ContentItemId { get; init; } = "";

    public int MemberId { get; init; }

    public int PersonId { get; init; }

    public string BranchId { get; init; } = "";

    public DateOnly? Date { get; init; }

    /// <summary>0 regular, 1–5 the five mandatory occasions.</summary>
    public int Occasion { get; init; }

    /// <summary>Follow-up items of the talk still open.</summary>
    public int OpenFollowUps { get; init; }
}

/// <summary>One mandatory talk: due by <see cref="DueDate"/>, done on <see cref="ClosedDate"/> (null while open).</summary>
public sealed class MandatoryTalkRecord
{
    public int Id { get; init; }

    public int MemberId { get; init; }

    public string BranchId { get; init; } = "";

    public int Occasion { get; init; }

    public DateOnly EventDate { get; init; }

    public DateOnly DueDate { get; init; }

    public DateOnly? ClosedDate { get; init; }
}
