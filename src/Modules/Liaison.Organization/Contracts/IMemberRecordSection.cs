using System.Security.Claims;

namespace Liaison.Organization.Contracts;

/// <summary>
/// A block another module adds to a member's record in the roster (/admin/organization/members/{id}), e.g. Reports'
/// yearly liaison score. The page is already scoped to the members the user manages; a section decides by its own
/// permission whether this user may see it and returns null otherwise (fail closed).
/// </summary>
public interface IMemberRecordSection
{
    /// <summary>Sections are shown in this order, after the roster's own facts.</summary>
    int Order { get; }

    Task<MemberRecordSection?> BuildAsync(ClaimsPrincipal user, int memberId, CancellationToken cancellationToken);
}

/// <summary>A section: its title, label–value lines (each with an optional hint below it), a note and a link onwards.</summary>
public sealed record MemberRecordSection(
    string Title, IReadOnlyList<MemberRecordLine> Lines, string? Note = null, string? LinkText = null, string? LinkUrl = null);

public sealed record MemberRecordLine(string Label, string Value, string? Hint = null);
