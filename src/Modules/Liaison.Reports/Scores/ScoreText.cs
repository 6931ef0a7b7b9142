using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Scores;

/// <summary>The score's items and rule in the user's language, shown next to every score.</summary>
public sealed class ScoreText(IStringLocalizer<ScoreText> S)
{
    public string Item(string key) => key switch
    {
        "Talks" => S["Talks held"],
        "ContactsMet" => S["Contact targets met"],
        "MandatoryOnTime" => S["Mandatory talks on time"],
        "ForumsAttended" => S["Forums attended"],
        "Visits" => S["Visits"],
        "FollowUpsClosed" => S["Follow-ups closed"],
        "ReportsApproved" => S["Reports approved"],
        _ => key,
    };

    /// <summary>"谈心：每次 2 分，最多 20 分；…；合格线 60 分".</summary>
    public string Describe(ScoreRule rule)
        => string.Join(S["; "], ScoreRule.Keys.Select(k => S["{0}: {1} per unit, at most {2}", Item(k), rule.Item(k).Weight, rule.Item(k).Cap].Value))
           + S["; "] + S["pass line {0}", rule.PassLine];

    public string Passed(bool passed) => passed ? S["Meets the liaison condition"] : S["Does not meet the liaison condition"];
}
