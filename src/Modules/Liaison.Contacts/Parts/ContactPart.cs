using LiaisonSite.Core.ContentManagement;

namespace Liaison.Contacts.Parts;

/// <summary>
/// A contact assignment (联系对象, SPEC R1): which member contacts which person of the roster, in which category,
/// from when to when. The ids point at <c>PartyMembers</c> and <c>MassPersons</c> rows; names are never copied
/// into the content so that the JSON holds no more personal data than the ids.
/// </summary>
public sealed class ContactPart : ContentPart
{
    /// <summary>This assignment as the audit of personal data sees it.</summary>
    public Contracts.SensitiveRecord Record(string contentItemId) => new(contentItemId, PersonId, BranchId, Category);

    public int MemberId { get; set; }

    public int PersonId { get; set; }

    /// <summary>1–4, see <see cref="ContactCategories"/>.</summary>
    public int Category { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? Notes { get; set; }

    /// <summary>The member's branch, set from the roster on every save (never from the form), for scoping.</summary>
    public string? BranchId { get; set; }
}

/// <summary>The four categories of SPEC R1. Categories 2 and 4 are sensitive personal information.</summary>
public static class ContactCategories
{
    public const int Activist = 1;
    public const int Hardship = 2;
    public const int YoungStaff = 3;
    public const int Assistance = 4;

    public static readonly IReadOnlyList<int> All = [Activist, Hardship, YoungStaff, Assistance];

    public static bool IsSensitive(int category) => category is Hardship or Assistance;

    public static bool IsValid(int category) => category is >= Activist and <= Assistance;
}
