using System.Security.Claims;
using Liaison.Contents.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contents.Services;

/// <summary>
/// The content a caller may see, as queries over the ContentItems columns, so that lists can never contain
/// what the caller is not allowed to read.
/// </summary>
public sealed class ContentQueries(
    LiaisonDbContext db, IPermissionService permissions, IContentDefinitionManager definitions, IEnumerable<IContentAccessScope> scopes,
    IPublicContentTypes publicTypes, IEnumerable<ISignedInOnlyContent> signedInOnly)
    : IContentVisibility
{
    public IReadOnlyCollection<string> ScopedTypes => [.. scopes.SelectMany(s => s.ContentTypes)];

    /// <summary>
    /// Latest versions for the admin list: everything with Contents.ViewAll, otherwise the caller's own items;
    /// items of scoped types (<see cref="IContentAccessScope"/>) only as their scope allows.
    /// </summary>
    public async Task<IQueryable<ContentItem>> AdminListAsync(ClaimsPrincipal user)
    {
        var (governed, scopedIds) = await ScopesAsync(user);
        var query = db.ContentItems.AsNoTracking().Where(c => c.Latest);
        if (await permissions.HasPermissionAsync(user, Permissions.ViewAll))
        {
            return query.Where(c => !governed.Contains(c.ContentType) || scopedIds.Contains(c.ContentItemId));
        }

        var name = UserName(user);
        return query.Where(c => (!governed.Contains(c.ContentType) && c.Owner == name) || scopedIds.Contains(c.ContentItemId));
    }

    /// <summary>
    /// Versions for the API. Anonymous callers get published items of public types; callers with
    /// Contents.ViewAll get everything; other signed-in callers get published public items plus their own.
    /// </summary>
    public async Task<IQueryable<ContentItem>> VisibleAsync(ClaimsPrincipal user, bool latest)
    {
        var (governed, scopedIds) = await ScopesAsync(user);
        var items = db.ContentItems.AsNoTracking();
        var signedIn = user.Identity?.IsAuthenticated == true;
        var versions = latest ? items.Where(c => c.Latest) : items.Where(c => c.Published);
        if (signedIn && await permissions.HasPermissionAsync(user, Permissions.ViewAll))
        {
            return versions.Where(c => !governed.Contains(c.ContentType) || scopedIds.Contains(c.ContentItemId));
        }

        var publicTypes = (await PublicTypesAsync()).Except(governed).ToList();
        if (!signedIn)
        {
            return items.Where(c => c.Published && publicTypes.Contains(c.ContentType)).ForAnonymous(signedInOnly);
        }

        var name = UserName(user);
        return latest
            ? items.Where(c => (!governed.Contains(c.ContentType)
                    && ((c.Owner == name && c.Latest) || (c.Owner != name && c.Published && publicTypes.Contains(c.ContentType))))
                || (c.Latest && scopedIds.Contains(c.ContentItemId)))
            : items.Where(c => c.Published
                && ((!governed.Contains(c.ContentType) && (c.Owner == name || publicTypes.Contains(c.ContentType)))
                    || scopedIds.Contains(c.ContentItemId)));
    }

    /// <summary>The types governed by a scope, and the ids of their items the user may see.</summary>
    private async Task<(List<string> Governed, IQueryable<string> Ids)> ScopesAsync(ClaimsPrincipal user)
    {
        var governed = new List<string>();
        IQueryable<string>? union = null;
        foreach (var scope in scopes)
        {
            governed.AddRange(scope.ContentTypes);
            var visible = await scope.VisibleItemIdsAsync(user);
            union = union is null ? visible : union.Concat(visible);
        }

        return (governed, union ?? db.ContentItems.Where(c => false).Select(c => c.ContentItemId));
    }

    /// <summary>Types the public may read (<see cref="IPublicContentTypes"/>, provided by the routing module).</summary>
    public Task<List<string>> PublicTypesAsync() => publicTypes.ListAsync(definitions);

    private static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "";
}
