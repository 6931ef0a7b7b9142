using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Parts;

/// <summary>The names of occasions and topics in the user's language.</summary>
public sealed class TalkText(IStringLocalizer<TalkText> S)
{
    public string Occasion(int occasion) => occasion switch
    {
        TalkOccasions.JobChange => S["Job change, promotion or demotion, retirement"],
        TalkOccasions.RewardOrPunishment => S["Commendation, reward, criticism or punishment"],
        TalkOccasions.Setback => S["A setback at work"],
        TalkOccasions.ConductProblem => S["A discipline or conduct problem, or a mass report"],
        TalkOccasions.AppraisalFeedback => S["Feedback after an assessment or appraisal"],
        _ => S["Regular talk"],
    };

    public string Topic(string topic) => topic switch
    {
        TalkTopics.Thinking => S["Thinking"],
        TalkTopics.FamilyLife => S["Family life"],
        TalkTopics.StudyWork => S["Study and work"],
        _ => topic,
    };
}
