namespace Liaison.Outreach.Contracts;

/// <summary>
/// Who took part in forums (座谈会), as other modules may count it (reports, inspections, scores): one row per forum
/// (latest version) and member who hosted or attended it. Composable, so the caller aggregates in the database.
/// Nothing here checks who asks; compose it with the caller's own scope.
/// </summary>
public interface IForumRecords
{
    IQueryable<ForumAttendanceRecord> Attendance();
}

public sealed class ForumAttendanceRecord
{
    public string ContentItemId { get; init; } = "";

    public int MemberId { get; init; }

    /// <summary>The forum's branch (its host's).</summary>
    public string BranchId { get; init; } = "";

    public DateOnly? Date { get; init; }

    public bool Host { get; init; }
}
