namespace Liaison.Organization.Contracts;

/// <summary>
/// The visits leading cadres record to their teaching-research sections and contact units (R6), as other modules may
/// count them (reports, inspections, scores): who and when only, composable so the caller aggregates in the
/// database. Nothing here checks who asks; compose it with the caller's own scope.
/// </summary>
public interface IVisitRecords
{
    IQueryable<VisitRecord> Visits();
}

public sealed class VisitRecord
{
    public int Id { get; init; }

    /// <summary>The cadre who visited (a member of the roster).</summary>
    public int MemberId { get; init; }

    /// <summary>The cadre's branch.</summary>
    public string BranchId { get; init; } = "";

    public DateOnly Date { get; init; }
}
