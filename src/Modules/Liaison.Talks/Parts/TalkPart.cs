using LiaisonSite.Core.ContentManagement;

namespace Liaison.Talks.Parts;

/// <summary>
/// A heart-to-heart talk (谈心记录, SPEC R3): which member talked with which person of the roster (or which member), when, where, on
/// which occasion, about what, what was raised and promised, and the follow-ups. Ids only, never names, so the JSON
/// holds no more personal data than the ids.
/// </summary>
public sealed class TalkPart : ContentPart
{
    /// <summary>This talk as the audit of personal data sees it (sensitive when the person is a category 2 or 4 contact).</summary>
    public Liaison.Contacts.Contracts.SensitiveRecord Record(string contentItemId) => new(contentItemId, PersonId, BranchId, ContactCategory);

    public int MemberId { get; set; }

    /// <summary>The person of the masses roster talked with; 0 when the talk was with a member (<see cref="PartnerMemberId"/>).</summary>
    public int PersonId { get; set; }

    /// <summary>
    /// A Party member talked with instead of a person: the feedback talk after a democratic appraisal (occasion 5), or a
    /// talk between members. Null for a talk with a person.
    /// </summary>
    public int? PartnerMemberId { get; set; }

    public DateOnly? Date { get; set; }

    public string? Place { get; set; }

    /// <summary>0 regular, 1–5 the five mandatory occasions (<see cref="TalkOccasions"/>).</summary>
    public int Occasion { get; set; }

    /// <summary>Any of <see cref="TalkTopics.All"/>.</summary>
    public List<string> Topics { get; set; } = [];

    public string? Summary { get; set; }

    public string? Problems { get; set; }

    public string? HelpPromised { get; set; }

    public List<TalkFollowUp> FollowUps { get; set; } = [];

    /// <summary>The member's branch, set from the roster on every save, for scoping.</summary>
    public string? BranchId { get; set; }

    /// <summary>The most sensitive category in which the member contacts the person (set on save), if any.</summary>
    public int? ContactCategory { get; set; }
}

/// <summary>A follow-up item of a talk: what, who, by when, whether closed and how.</summary>
public sealed class TalkFollowUp
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";

    public int? OwnerMemberId { get; set; }

    public DateOnly? DueDate { get; set; }

    public bool Closed { get; set; }

    public string? ClosingNote { get; set; }
}

/// <summary>The occasions of a talk: regular, or one of the five mandatory ones (五必谈, SPEC R3).</summary>
public static class TalkOccasions
{
    public const int Regular = 0;
    public const int JobChange = 1;
    public const int RewardOrPunishment = 2;
    public const int Setback = 3;
    public const int ConductProblem = 4;
    public const int AppraisalFeedback = 5;

    public static readonly IReadOnlyList<int> All = [Regular, JobChange, RewardOrPunishment, Setback, ConductProblem, AppraisalFeedback];

    public static readonly IReadOnlyList<int> Mandatory = [JobChange, RewardOrPunishment, Setback, ConductProblem, AppraisalFeedback];

    public static bool IsValid(int occasion) => occasion is >= Regular and <= AppraisalFeedback;

    public static bool IsMandatory(int occasion) => occasion is >= JobChange and <= AppraisalFeedback;
}

public static class TalkTopics
{
    public const string Thinking = "Thinking";
    public const string FamilyLife = "FamilyLife";
    public const string StudyWork = "StudyWork";

    public static readonly IReadOnlyList<string> All = [Thinking, FamilyLife, StudyWork];
}

public static class TalkLimits
{
    public const int Place = 100;
    public const int Text = 4000;
    public const int FollowUpText = 500;
    public const int MaxFollowUps = 20;
}
