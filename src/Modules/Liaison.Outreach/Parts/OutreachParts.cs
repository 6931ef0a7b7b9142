using LiaisonSite.Core.ContentManagement;

namespace Liaison.Outreach.Parts;

/// <summary>
/// A forum (座谈会, SPEC R4): a branch's mass forum, or a Party group's, branch's or the committee's forum of members
/// and mass representatives; who hosted it, who came, what was discussed, and the opinions collected, each followed
/// until answered. Ids of the roster only, never copied names.
/// </summary>
public sealed class ForumPart : ContentPart, IOutreachRecord
{
    int IOutreachRecord.HolderMemberId => HostMemberId;

    List<OutreachItem> IOutreachRecord.Items { get => Opinions; set => Opinions = value; }

    /// <summary>See <see cref="ForumKinds"/>.</summary>
    public int Kind { get; set; }

    public DateOnly? Date { get; set; }

    public int HostMemberId { get; set; }

    public List<int> AttendingMemberIds { get; set; } = [];

    public List<int> AttendingPersonIds { get; set; } = [];

    public string? Topics { get; set; }

    public string? Minutes { get; set; }

    public List<OutreachItem> Opinions { get; set; } = [];

    /// <summary>The host's branch, set on save, for scoping.</summary>
    public string? BranchId { get; set; }
}

public static class ForumKinds
{
    public const int BranchMassForum = 1;
    public const int PartyGroupForum = 2;
    public const int BranchForum = 3;
    public const int CommitteeForum = 4;

    public static bool IsValid(int kind) => kind is >= BranchMassForum and <= CommitteeForum;
}

/// <summary>
/// A reception day (群众接待日, SPEC R6): a cadre receives staff and students at a time and place, published in
/// advance at /reception; the visitors' concerns are recorded and followed until answered.
/// </summary>
public sealed class ReceptionDayPart : ContentPart, IOutreachRecord
{
    int IOutreachRecord.HolderMemberId => CadreMemberId;

    List<OutreachItem> IOutreachRecord.Items { get => Concerns; set => Concerns = value; }

    public int CadreMemberId { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>"14:00".</summary>
    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? Place { get; set; }

    public List<OutreachItem> Concerns { get; set; } = [];

    public string? BranchId { get; set; }
}

/// <summary>
/// What a forum and a reception day have in common: the member who holds it, their branch, and what was raised there
/// (the forum's opinions, the reception day's concerns). Explicit members, so the stored JSON keeps its own names.
/// </summary>
public interface IOutreachRecord
{
    int HolderMemberId { get; }

    string? BranchId { get; }

    List<OutreachItem> Items { get; set; }
}

/// <summary>An opinion collected at a forum or a concern raised at a reception day, followed until answered.</summary>
public sealed class OutreachItem
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";

    public int? OwnerMemberId { get; set; }

    public DateOnly? DueDate { get; set; }

    public bool Closed { get; set; }

    public string? ClosingNote { get; set; }
}

public static class OutreachLimits
{
    public const int Place = 100;
    public const int Text = 8000;
    public const int ItemText = 1000;
    public const int MaxItems = 50;
    public const int MaxAttendees = 500;
}
