using System.Security.Claims;

namespace Liaison.Contacts.Contracts;

/// <summary>
/// The contact assignments as other modules may read them: who contacts whom, in which category, from when to when
/// (latest version of each assignment). Nothing here checks who asks; compose it with the caller's own scope.
/// </summary>
public interface IContactQueries
{
    IQueryable<ContactRow> Contacts();
}

/// <summary>One assignment (ids only, no personal data).</summary>
public sealed class ContactRow
{
    public string ContentItemId { get; init; } = "";

    public int MemberId { get; init; }

    public int PersonId { get; init; }

    /// <summary>1–4 (SPEC R1); 2 and 4 are sensitive.</summary>
    public int Category { get; init; }

    public bool Sensitive { get; init; }

    public string BranchId { get; init; } = "";

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }
}

/// <summary>
/// A section another module adds to 我的联系工作 (the signed-in member's page): a partial view found by name in any
/// module and its model. <see cref="Order"/> sorts the sections (contacts come first, at 0).
/// </summary>
public interface IMyWorkSection
{
    int Order { get; }

    /// <summary>The section for this member, or null to show nothing.</summary>
    Task<MyWorkSection?> BuildAsync(ClaimsPrincipal user, int memberId, string branchId);
}

public sealed record MyWorkSection(string PartialName, object Model);
