namespace Liaison.Organization.Contracts;

/// <summary>An index row of a member's record that belongs to the member's branch (a contact, a talk, a report …).</summary>
public interface IBranchMemberRow
{
    /// <summary>The member's branch when the row was written (PartyBranch content item id).</summary>
    string BranchId { get; }

    int MemberId { get; }
}

public static class BranchMemberRowScoping
{
    /// <summary>
    /// The rows a scope may see: the committee all, a branch secretary their branches', a member their own, anyone
    /// else none. The filter is part of the query (SQL), never applied after loading.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> rows, RosterScope scope) where T : class, IBranchMemberRow
    {
        if (scope.AllBranches)
        {
            return rows;
        }

        var branches = scope.BranchIds.ToList();
        var memberId = scope.Member?.Id ?? -1;
        return rows.Where(x => branches.Contains(x.BranchId) || x.MemberId == memberId);
    }
}
