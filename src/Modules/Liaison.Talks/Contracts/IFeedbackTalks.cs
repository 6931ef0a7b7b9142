namespace Liaison.Talks.Contracts;

/// <summary>
/// A feedback talk (五必谈 occasion 5) that another module decides on: after a democratic appraisal, the member
/// <see cref="TalkerMemberId"/> (the branch secretary) is to talk with the appraised member <see cref="PartnerMemberId"/>.
/// <see cref="Source"/> names the decision ("appraisal:12"), so asking twice makes one obligation.
/// </summary>
public sealed record FeedbackTalk(int TalkerMemberId, int PartnerMemberId, DateOnly Date, string Source);

public interface IFeedbackTalks
{
    /// <summary>
    /// Stages the mandatory talk (due within the site's deadline for mandatory talks) unless the same source already
    /// made one for that member; the caller saves. True when one was staged.
    /// </summary>
    Task<bool> AssignAsync(FeedbackTalk talk);

    /// <summary>The members a source made feedback talks about, and whether each was held.</summary>
    Task<IReadOnlyDictionary<int, bool>> OfSourceAsync(string source);
}
