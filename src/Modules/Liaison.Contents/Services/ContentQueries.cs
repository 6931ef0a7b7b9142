using System.Security.Claims;
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
public sealed class ContentQueries(LiaisonDbContext db, IPermissionService permissions, IContentDefinitionManager definitions)
{
    /// <summary>Latest versions for the admin list: everything with Contents.ViewAll, otherwise the caller's own items.</summary>
    public async Task<IQueryable<ContentItem>> AdminListAsync(ClaimsPrincipal user)
    {
        var query = db.ContentItems.AsNoTracking().Where(c => c.Latest);
        if (await permissions.HasPermissionAsync(user, Permissions.ViewAll))
        {
            return query;
        }

        var name = UserName(user);
        return query.Where(c => c.Owner == name);
    }

    /// <summary>
    /// Versions for the API. Anonymous callers get published items of public types; callers with
    /// Contents.ViewAll get everything; other signed-in callers get published public items plus their own.
    /// </summary>
    public async Task<IQueryable<ContentItem>> VisibleAsync(ClaimsPrincipal user, bool latest)
    {
        var items = db.ContentItems.AsNoTracking();
        var signedIn = user.Identity?.IsAuthenticated == true;
        if (signedIn && await permissions.HasPermissionAsync(user, Permissions.ViewAll))
        {
            return latest ? items.Where(c => c.Latest) : items.Where(c => c.Published);
        }

        var publicTypes = await PublicTypesAsync();
        if (!signedIn)
        {
            return items.Where(c => c.Published && publicTypes.Contains(c.ContentType));
        }

        var name = UserName(user);
        return latest
            ? items.Where(c => (c.Owner == name && c.Latest) || (c.Owner != name && c.Published && publicTypes.Contains(c.ContentType)))
            : items.Where(c => c.Published && (c.Owner == name || publicTypes.Contains(c.ContentType)));
    }

    /// <summary>Types the public may read: routable (AutoroutePart) and not Securable.</summary>
    public async Task<List<string>> PublicTypesAsync()
        => [.. (await definitions.ListTypesAsync())
            .Where(t => t.IsPublic)
            .Select(t => t.Name)];

    private static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "";
}
