using System.Security.Claims;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// Which content versions a user may see, as a query: Liaison.Contents' rule (owner rights, Contents.ViewAll, access
/// scopes) offered to modules that cannot reference it, such as the content picker, which must never show the title
/// of an item its viewer may not open. Until a module provides it, nothing is visible (fail closed).
/// </summary>
public interface IContentVisibility
{
    /// <summary>Latest versions (<paramref name="latest"/>) or published versions the user may see.</summary>
    Task<IQueryable<ContentItem>> VisibleAsync(ClaimsPrincipal user, bool latest);

    /// <summary>The content types whose items are governed by an access scope (a filter must exist for their exports).</summary>
    IReadOnlyCollection<string> ScopedTypes { get; }
}

internal sealed class NoContentVisible(Data.LiaisonDbContext db) : IContentVisibility
{
    public Task<IQueryable<ContentItem>> VisibleAsync(ClaimsPrincipal user, bool latest)
        => Task.FromResult(db.ContentItems.Where(c => false));

    public IReadOnlyCollection<string> ScopedTypes => [];
}
