using System.Security.Claims;

namespace Liaison.Organization.Contracts;

/// <summary>
/// The roster as other modules may read it: queryable rows of members, persons, published organizations, units and
/// cadres' contact points, composable with a module's own tables in one query (a join, a filter), and where a user
/// stands. The rows are this contract's shape, not Organization's tables: those stay Organization's own and may
/// change. Nothing here checks who asks: start from <see cref="ScopeAsync"/> and <see cref="ManagedMembers"/> /
/// <see cref="ManagedPersons"/>, as Organization's own pages do.
/// </summary>
public interface IRosterQueries
{
    /// <summary>The committee (every branch), a branch secretary (their branch), a member (their own records), or nobody.</summary>
    Task<RosterScope> ScopeAsync(ClaimsPrincipal user);

    /// <summary>Every member, active or not.</summary>
    IQueryable<RosterMember> Members();

    /// <summary>The members whose records the scope manages (committee: all; secretary: their branch; others: none).</summary>
    IQueryable<RosterMember> ManagedMembers(RosterScope scope);

    /// <summary>Every person of the masses roster, active or not.</summary>
    IQueryable<RosterPerson> Persons();

    /// <summary>The persons the scope manages, by the branch they are assigned to.</summary>
    IQueryable<RosterPerson> ManagedPersons(RosterScope scope);

    /// <summary>Published organizations (党委, 党支部, 党小组).</summary>
    IQueryable<RosterOrganization> Organizations();

    IQueryable<RosterUnit> Units();

    /// <summary>Leading cadres' contact points (grades, subjects, 教研室, 联系点).</summary>
    IQueryable<RosterContactPoint> ContactPoints();

    /// <summary>
    /// A person's full phone number (null when none is stored). Personal data: call only for a user allowed to see it
    /// (Organization.RevealPersonalData) and write the access log with <see cref="IAccessLogWriter"/> in the same save.
    /// </summary>
    Task<string?> RevealPersonPhoneAsync(int personId);
}

/// <summary>Where a user stands; <see cref="Member"/> is their own member row, if any.</summary>
public sealed record RosterScope(bool AllBranches, IReadOnlyList<string> BranchIds, RosterMember? Member)
{
    public static readonly RosterScope None = new(false, [], null);

    /// <summary>Whether the user manages the records of the branch.</summary>
    public bool ManagesBranch(string? branchId) => AllBranches || (branchId is not null && BranchIds.Contains(branchId));

    public bool ManagesAnyBranch => AllBranches || BranchIds.Count > 0;
}

/// <summary>A Party member as other modules see them (no personal data).</summary>
public sealed class RosterMember
{
    public int Id { get; init; }

    /// <summary>工号.</summary>
    public string Number { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>The 党支部 (PartyBranch content item id).</summary>
    public string BranchId { get; init; } = "";

    public string? UserName { get; init; }

    public int? UnitId { get; init; }

    public string? UnitName { get; init; }

    public string? Subject { get; init; }

    /// <summary>党内职务 (支部书记, 党员 …).</summary>
    public string PartyPost { get; init; } = "";

    /// <summary>责任区: the area the member answers for.</summary>
    public string? ResponsibilityArea { get; init; }

    public bool Active { get; init; }
}

/// <summary>A person of the masses roster as other modules see them: the masked phone only.</summary>
public sealed class RosterPerson
{
    public int Id { get; init; }

    public PersonKind Kind { get; init; }

    /// <summary>工号 or 学号.</summary>
    public string Number { get; init; } = "";

    public string Name { get; init; } = "";

    public string? BranchId { get; init; }

    public int? UnitId { get; init; }

    public string? UnitName { get; init; }

    public string? Post { get; init; }

    public string? Subject { get; init; }

    public string? Grade { get; init; }

    public string? ClassName { get; init; }

    public string? PhoneMasked { get; init; }

    public bool Active { get; init; }
}

/// <summary>A published organization: the 党委, a 党支部 (<see cref="IsBranch"/>) or a 党小组.</summary>
public sealed class RosterOrganization
{
    /// <summary>The PartyBranch content item id.</summary>
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public bool IsBranch { get; init; }
}

public sealed class RosterUnit
{
    public int Id { get; init; }

    public string Name { get; init; } = "";
}

public sealed class RosterContactPoint
{
    public int MemberId { get; init; }

    public ContactPointKind Kind { get; init; }

    /// <summary>The grade or subject, for those kinds.</summary>
    public string? Value { get; init; }

    public int? UnitId { get; init; }

    public string? UnitName { get; init; }
}
