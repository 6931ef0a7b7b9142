namespace LiaisonSite.Core.ContentManagement;

/// <summary>Sees every step of a content item's life. Handlers run in registration order.</summary>
public interface IContentHandler
{
    Task InitializingAsync(ContentContext context) => Task.CompletedTask;

    Task CreatingAsync(ContentContext context) => Task.CompletedTask;

    Task CreatedAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>Before a version is saved (derive DisplayText, paths …).</summary>
    Task UpdatingAsync(ContentContext context) => Task.CompletedTask;

    Task UpdatedAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>Adds errors to <see cref="ValidateContentContext.Errors"/>; an item with errors is not saved.</summary>
    Task ValidatingAsync(ValidateContentContext context) => Task.CompletedTask;

    Task VersioningAsync(VersionContentContext context) => Task.CompletedTask;

    Task PublishingAsync(ContentContext context) => Task.CompletedTask;

    Task PublishedAsync(ContentContext context) => Task.CompletedTask;

    Task UnpublishingAsync(ContentContext context) => Task.CompletedTask;

    Task UnpublishedAsync(ContentContext context) => Task.CompletedTask;

    Task RemovingAsync(ContentContext context) => Task.CompletedTask;

    Task RemovedAsync(ContentContext context) => Task.CompletedTask;
}

public class ContentContext(ContentItem contentItem)
{
    public ContentItem ContentItem { get; } = contentItem;
}

public sealed class VersionContentContext(ContentItem existing, ContentItem building) : ContentContext(building)
{
    public ContentItem ExistingContentItem { get; } = existing;
}

public sealed class ValidateContentContext(ContentItem contentItem) : ContentContext(contentItem)
{
    public List<ContentValidationError> Errors { get; } = [];
}

/// <summary>An error on an item, optionally tied to an editor key such as "TitlePart.Title".</summary>
public sealed record ContentValidationError(string Message, string? Key = null);
