namespace Liaison.Workflows.Contracts;

/// <summary>
/// Where content items stand in their workflows, for the modules that own the items (a quarterly report's state, the
/// journal its author sees): the user tasks opened on items and the journal of the instances correlated with an item.
/// Nothing here checks who asks; show it only to whoever may see the item.
/// </summary>
public interface IContentReviews
{
    /// <summary>Every user task opened on a content item, open, decided or withdrawn.</summary>
    IQueryable<ContentReviewTask> Tasks();

    /// <summary>Every step of the workflows of this item, oldest first.</summary>
    Task<IReadOnlyList<ContentReviewStep>> JournalAsync(string contentItemId, CancellationToken cancellationToken = default);
}

/// <summary>A user task on an item: open while <see cref="Open"/>, else decided (<see cref="Outcome"/>) or withdrawn.</summary>
public sealed class ContentReviewTask
{
    public long Id { get; init; }

    public string ContentItemId { get; init; } = "";

    public string? ContentType { get; init; }

    public string? BranchId { get; init; }

    public bool Open { get; init; }

    public bool Decided { get; init; }

    public string? Outcome { get; init; }

    public string? Comment { get; init; }

    public string? DecidedBy { get; init; }

    public DateTime CreatedUtc { get; init; }

    public DateTime? DecidedUtc { get; init; }
}

/// <summary>One journal entry: the activity's title, when, who, the outcome and the comment.</summary>
public sealed record ContentReviewStep(DateTime Utc, string ActivityName, string? Title, string? UserName, string? Outcome, string? Comment);
