namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// Creates, reads, versions and publishes content items. Changes are staged in the request's unit of work
/// and written, with their index rows, by the next SaveChanges.
/// </summary>
public interface IContentManager
{
    /// <summary>A new, unsaved item of the type, owned by the current user.</summary>
    Task<ContentItem> NewAsync(string contentType);

    /// <summary>
    /// Validates and adds a new item as a draft (<see cref="VersionOptions.Draft"/>, refused for a type that is not
    /// Draftable) or published. Its type must be a canonical name and its id one never used by another type or owner.
    /// </summary>
    Task CreateAsync(ContentItem item, VersionOptions options = VersionOptions.Published);

    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Published);

    Task<ContentItem?> GetVersionAsync(string contentItemVersionId);

    /// <summary>All versions of an item, newest first.</summary>
    Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId);

    /// <summary>Refuses with <see cref="ContentConcurrencyException"/> when the latest version is not the one the caller read.</summary>
    Task EnsureCurrentAsync(string contentItemId, string? concurrencyStamp);

    /// <summary>
    /// Validates and stages the changes made to a version; with <paramref name="publish"/>, publishes it too. A type
    /// that is not Draftable never gets a draft: an unpublished version of it is saved only with <paramref name="publish"/>
    /// (<see cref="ContentValidationException"/> otherwise).
    /// </summary>
    Task UpdateAsync(ContentItem item, bool publish = false);

    Task<IReadOnlyList<ContentValidationError>> ValidateAsync(ContentItem item);

    Task PublishAsync(ContentItem item);

    Task UnpublishAsync(ContentItem item);

    /// <summary>Removes the item: no version stays latest or published; history is kept.</summary>
    Task RemoveAsync(ContentItem item);

    /// <summary>A new latest draft copied from an earlier version.</summary>
    Task<ContentItem> RestoreAsync(string contentItemVersionId);
}
