namespace Liaison.Notices.Parts;

public enum NoticeState
{
    NotStarted,
    Open,
    Closed,
}

/// <summary>Where a notice stands at a moment: the one rule for the display, the objection form and the closing job.</summary>
public readonly record struct NoticePeriod(NoticeState State, int DaysLeft)
{
    public bool IsOpen => State == NoticeState.Open;

    /// <summary>
    /// Open from start (inclusive) to end (exclusive). A notice the job has closed stays closed; one whose end has
    /// passed counts as closed even before the job runs, so objections are never accepted late.
    /// Days left are whole days, rounded up: a notice ending in 3 hours has 1 day left.
    /// </summary>
    public static NoticePeriod At(PublicNoticePart part, DateTime nowUtc)
    {
        if (part.ClosedUtc is not null || part.EndUtc is not { } end || nowUtc >= end)
        {
            return new(NoticeState.Closed, 0);
        }

        if (part.StartUtc is { } start && nowUtc < start)
        {
            return new(NoticeState.NotStarted, (int)Math.Ceiling((end - start).TotalDays));
        }

        return new(NoticeState.Open, Math.Max(1, (int)Math.Ceiling((end - nowUtc).TotalDays)));
    }
}
