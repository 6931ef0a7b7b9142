using Liaison.Reports.Parts;

namespace Liaison.Reports.Scores;

/// <summary>
/// The committee's rule for the yearly liaison score (R12), kept in the site document <c>ReportSettings</c>: per item
/// of recorded work, points per unit (<see cref="ScoreItemRule.Weight"/>) up to a cap, and the pass line that makes a
/// member meet the liaison condition (达到联系群众工作条件) for awards and promotion.
/// </summary>
public sealed class ScoreRule
{
    public const int MaxWeight = 100;
    public const int MaxCap = 1000;
    public const int MaxPassLine = 10000;

    /// <summary>The items in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["Talks", "ContactsMet", "MandatoryOnTime", "ForumsAttended", "Visits", "FollowUpsClosed", "ReportsApproved"];

    public ScoreItemRule Talks { get; set; } = new() { Weight = 2, Cap = 20 };

    public ScoreItemRule ContactsMet { get; set; } = new() { Weight = 2, Cap = 20 };

    public ScoreItemRule MandatoryOnTime { get; set; } = new() { Weight = 5, Cap = 15 };

    public ScoreItemRule ForumsAttended { get; set; } = new() { Weight = 3, Cap = 10 };

    public ScoreItemRule Visits { get; set; } = new() { Weight = 2, Cap = 10 };

    public ScoreItemRule FollowUpsClosed { get; set; } = new() { Weight = 2, Cap = 10 };

    public ScoreItemRule ReportsApproved { get; set; } = new() { Weight = 5, Cap = 20 };

    public int PassLine { get; set; } = 60;

    public ScoreItemRule Item(string key) => key switch
    {
        "Talks" => Talks,
        "ContactsMet" => ContactsMet,
        "MandatoryOnTime" => MandatoryOnTime,
        "ForumsAttended" => ForumsAttended,
        "Visits" => Visits,
        "FollowUpsClosed" => FollowUpsClosed,
        "ReportsApproved" => ReportsApproved,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    /// <summary>A member's score from the year's counts: each item min(count × weight, cap), summed, against the pass line.</summary>
    public MemberScore Score(IReadOnlyDictionary<string, int> counts)
    {
        var items = Keys.Select(k =>
        {
            var count = counts.GetValueOrDefault(k);
            var rule = Item(k);
            return new ScoreItem(k, count, (int)Math.Min((long)count * rule.Weight, rule.Cap));
        }).ToList();
        var total = items.Sum(i => i.Points);
        return new MemberScore(items, total, total >= PassLine);
    }

    /// <summary>The year's counts of the score's items from the figures and the approved reports.</summary>
    public static Dictionary<string, int> Counts(ReportFigures f, int reportsApproved) => new()
    {
        ["Talks"] = f.Talks,
        ["ContactsMet"] = f.ContactsMet,
        ["MandatoryOnTime"] = f.MandatoryOnTime,
        ["ForumsAttended"] = f.ForumsAttended,
        ["Visits"] = f.Visits,
        ["FollowUpsClosed"] = f.FollowUpsClosed,
        ["ReportsApproved"] = reportsApproved,
    };
}

public sealed class ScoreItemRule
{
    /// <summary>Points per unit (a talk, a contact target met, …).</summary>
    public int Weight { get; set; }

    /// <summary>At most this many points from the item.</summary>
    public int Cap { get; set; }
}

public sealed record ScoreItem(string Key, int Count, int Points);

public sealed record MemberScore(IReadOnlyList<ScoreItem> Items, int Total, bool Passed);
