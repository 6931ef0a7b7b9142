namespace Liaison.Notices.Contracts;

/// <summary>
/// Lets another module publish a public notice (公示) it has composed, e.g. the results of a democratic appraisal.
/// The notice is an ordinary PublicNotice content item, validated like one from the editor; it is staged in the
/// caller's unit of work (the caller saves).
/// </summary>
public interface IPublicNoticeWriter
{
    /// <summary>Creates and publishes the notice; returns its content item id.</summary>
    Task<string> PublishAsync(PublicNoticeDraft notice, CancellationToken cancellationToken = default);
}

/// <summary>
/// What a notice says. <see cref="Kind"/> is one of <see cref="NoticeKindNames"/>; <see cref="Html"/> is sanitized on
/// save like any body; <see cref="Path"/> is the public address (e.g. "notices/appraisal-2026-branch-1").
/// </summary>
public sealed record PublicNoticeDraft(
    string Title, string Html, string Kind, DateTime StartUtc, DateTime EndUtc, string? BranchId, string Path, string? Owner);

/// <summary>The kinds of notice other modules may publish (the stored values are the Chinese names).</summary>
public static class NoticeKindNames
{
    public const string DemocraticAppraisal = Parts.NoticeKinds.DemocraticAppraisal;
}
