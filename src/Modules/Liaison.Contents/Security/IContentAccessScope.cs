using System.Security.Claims;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.Contents.Security;

/// <summary>
/// Decides who may see and change the items of some content types when that depends on the caller's place in the
/// organization (a member's own records, a secretary's branch) rather than on who owns the item. A governed type
/// ignores the generic Contents rights: an editor with Contents.ViewAll sees no item of it unless the scope says so.
/// Lists, the API and single-item checks all ask the scope, so they cannot disagree.
/// </summary>
public interface IContentAccessScope
{
    /// <summary>The content types this scope governs.</summary>
    IReadOnlyCollection<string> ContentTypes { get; }

    /// <summary>The ContentItemIds of governed items the user may see, as a query composed into the caller's.</summary>
    Task<IQueryable<string>> VisibleItemIdsAsync(ClaimsPrincipal user);

    /// <summary>
    /// Whether the user may see every item of the governed types (the committee, say): lists of one type then need
    /// no <see cref="VisibleItemIdsAsync"/> subquery — with 200,000 talks, the difference between walking an index
    /// and building the set of every id first. False unless a scope knows better; never true for less than all.
    /// </summary>
    Task<bool> SeesAllAsync(ClaimsPrincipal user) => Task.FromResult(false);

    /// <summary>Whether the user may do the operation to the item (a new, unsaved item when creating).</summary>
    Task<bool> AuthorizeAsync(ClaimsPrincipal user, ContentItem item, ContentOperation operation);

    /// <summary>
    /// The user was shown these governed items (editor, preview, API); a scope over sensitive records writes its
    /// access log here. <paramref name="channel"/> names where ("editor", "preview", "api", "api-list").
    /// </summary>
    Task ViewedAsync(ClaimsPrincipal user, IReadOnlyList<ContentItem> items, string channel) => Task.CompletedTask;
}

/// <summary>Passes the items a user was shown to the scopes that govern their types.</summary>
public sealed class ContentViewAudit(IEnumerable<IContentAccessScope> scopes)
{
    public async Task ViewedAsync(ClaimsPrincipal user, IReadOnlyCollection<ContentItem> items, string channel)
    {
        foreach (var scope in scopes)
        {
            var governed = items.Where(i => scope.ContentTypes.Contains(i.ContentType)).ToList();
            if (governed.Count > 0)
            {
                await scope.ViewedAsync(user, governed, channel);
            }
        }
    }
}
