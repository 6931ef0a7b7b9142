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
    /// Latest versions for the admin list: everything with Contents.ViewAll, otherwise the caller's own items and
    /// every item of the Securable types the caller may edit (Contents.Edit.{Type}); items of scoped types (<see cref="IContentAccessScope"/>) only as their scope allows.
    /// </summary>
    public async Task<IQueryable<ContentItem>> AdminListAsync(ClaimsPrincipal user) => await AdminListAsync(user, contentType: null);

    /// <summary>
    /// <see cref="AdminListAsync(ClaimsPrincipal)"/> of one type (a canonical name) when <paramref name="contentType"/> is
    /// given. The rule is the same, written for the one type: an ungoverned type's items need no scope subquery, and a
    /// governed type's need no owner test — so the database walks the type's index in order instead of evaluating the
    /// union of every scope for each row (50,000 news items: the difference between a page in milliseconds and in seconds).
    /// </summary>
    public async Task<IQueryable<ContentItem>> AdminListAsync(ClaimsPrincipal user, string? contentType)
    {
        var (governed, whole, scopedIds) = await ScopesAsync(user);
        var query = db.ContentItems.AsNoTracking().Where(c => c.Latest);
        var viewAll = await permissions.HasPermissionAsync(user, Permissions.ViewAll);
        var editable = viewAll ? [] : await EditableSecurableTypesAsync(user, governed);
        var name = UserName(user);
        if (contentType is not null)
        {
            query = query.Where(c => c.ContentType == contentType);
            return governed.Contains(contentType) ? (whole.Contains(contentType) ? query : query.Where(c => scopedIds.Contains(c.ContentItemId)))
                : viewAll || editable.Contains(contentType) ? query
                : query.Where(c => c.Owner == name);
        }

        if (viewAll)
        {
            // The governed types whose items the user does not all see still go through their scopes' ids.
            var restricted = governed.Except(whole).ToList();
            return restricted.Count == 0 ? query : query.Where(c => !restricted.Contains(c.ContentType) || scopedIds.Contains(c.ContentItemId));
        }

        return query.Where(c => (!governed.Contains(c.ContentType) && (c.Owner == name || editable.Contains(c.ContentType)))
            || whole.Contains(c.ContentType)
            || scopedIds.Contains(c.ContentItemId));
    }

    /// <summary>
    /// The Securable types (not governed by a scope) whose every item the user may edit by the type's own permission
    /// (Contents.Edit.{Type}): their items are listed whoever owns them.
    /// </summary>
    private async Task<List<string>> EditableSecurableTypesAsync(ClaimsPrincipal user, List<string> governed)
    {
        var editable = new List<string>();
        if (user.Identity?.IsAuthenticated != true)
        {
            return editable;
        }

        foreach (var type in await definitions.ListTypesAsync())
        {
            if (type.TypeSettings.Securable && !governed.Contains(type.Name)
                && await permissions.HasPermissionAsync(user, ContentTypePermissions.For(Permissions.Edit, type)))
            {
                editable.Add(type.Name);
            }
        }

        return editable;
    }

    /// <summary>
    /// Versions for the API. Anonymous callers get published items of public types; callers with
    /// Contents.ViewAll get everything; other signed-in callers get published public items plus their own.
    /// </summary>
    public Task<IQueryable<ContentItem>> VisibleAsync(ClaimsPrincipal user, bool latest) => VisibleAsync(user, latest, contentType: null);

    /// <summary>
    /// <see cref="VisibleAsync(ClaimsPrincipal, bool)"/> of one type (a canonical name) when <paramref name="contentType"/>
    /// is given, with the rule written for that one type (see <see cref="AdminListAsync(ClaimsPrincipal, string?)"/>).
    /// </summary>
    public async Task<IQueryable<ContentItem>> VisibleAsync(ClaimsPrincipal user, bool latest, string? contentType)
    {
        var (governed, whole, scopedIds) = await ScopesAsync(user);
        if (contentType is not null)
        {
            return await VisibleOfTypeAsync(user, latest, contentType, governed, whole, scopedIds);
        }

        var items = db.ContentItems.AsNoTracking();
        var signedIn = user.Identity?.IsAuthenticated == true;
        var versions = latest ? items.Where(c => c.Latest) : items.Where(c => c.Published);
        if (signedIn && await permissions.HasPermissionAsync(user, Permissions.ViewAll))
        {
            // Without the types the user sees whole, the scopes' ids are only asked for what needs them (for an
            // administrator, nothing: admin search over 200,000 talks no longer builds the list of every talk).
            var restricted = governed.Except(whole).ToList();
            return restricted.Count == 0 ? versions : versions.Where(c => !restricted.Contains(c.ContentType) || scopedIds.Contains(c.ContentItemId));
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
                || (c.Latest && (whole.Contains(c.ContentType) || scopedIds.Contains(c.ContentItemId))))
            : items.Where(c => c.Published
                && ((!governed.Contains(c.ContentType) && (c.Owner == name || publicTypes.Contains(c.ContentType)))
                    || whole.Contains(c.ContentType)
                    || scopedIds.Contains(c.ContentItemId)));
    }

    private async Task<IQueryable<ContentItem>> VisibleOfTypeAsync(
        ClaimsPrincipal user, bool latest, string contentType, List<string> governed, List<string> whole, IQueryable<string> scopedIds)
    {
        var items = db.ContentItems.AsNoTracking().Where(c => c.ContentType == contentType);
        var signedIn = user.Identity?.IsAuthenticated == true;
        if (governed.Contains(contentType))
        {
            // A scoped type: only what its scope lets the caller see (anonymous callers: nothing public here).
            if (!signedIn)
            {
                return items.Where(c => false);
            }

            var versions = latest ? items.Where(c => c.Latest) : items.Where(c => c.Published);
            return whole.Contains(contentType) ? versions : versions.Where(c => scopedIds.Contains(c.ContentItemId));
        }

        if (signedIn && await permissions.HasPermissionAsync(user, Permissions.ViewAll))
        {
            return latest ? items.Where(c => c.Latest) : items.Where(c => c.Published);
        }

        var isPublic = (await PublicTypesAsync()).Contains(contentType);
        if (!signedIn)
        {
            return (isPublic ? items.Where(c => c.Published) : items.Where(c => false)).ForAnonymous(signedInOnly);
        }

        var name = UserName(user);
        return latest
            ? (isPublic ? items.Where(c => (c.Owner == name && c.Latest) || (c.Owner != name && c.Published)) : items.Where(c => c.Owner == name && c.Latest))
            : (isPublic ? items.Where(c => c.Published) : items.Where(c => c.Published && c.Owner == name));
    }

    /// <summary>
    /// The types governed by a scope; those of them the user sees whole (every scope governing the type says the user
    /// sees all of it, as the committee sees every talk; never for an anonymous caller); and the ids of the other
    /// governed items the user may see. A scope whose every type the user sees whole adds no ids, so a query that
    /// needs only the type never makes the database list every one of those items.
    /// </summary>
    private async Task<(List<string> Governed, List<string> Whole, IQueryable<string> Ids)> ScopesAsync(ClaimsPrincipal user)
    {
        var governed = scopes.SelectMany(s => s.ContentTypes).Distinct(StringComparer.Ordinal).ToList();
        var seesAll = new Dictionary<IContentAccessScope, bool>();
        foreach (var scope in scopes)
        {
            seesAll[scope] = user.Identity?.IsAuthenticated == true && await scope.SeesAllAsync(user);
        }

        var whole = governed.Where(type => scopes.Where(s => s.ContentTypes.Contains(type)).All(s => seesAll[s])).ToList();
        IQueryable<string>? union = null;
        foreach (var scope in scopes.Where(s => !s.ContentTypes.All(whole.Contains)))
        {
            var visible = await scope.VisibleItemIdsAsync(user);
            union = union is null ? visible : union.Concat(visible);
        }

        return (governed, whole, union ?? db.ContentItems.Where(c => false).Select(c => c.ContentItemId));
    }

    /// <summary>Types the public may read (<see cref="IPublicContentTypes"/>, provided by the routing module).</summary>
    public Task<List<string>> PublicTypesAsync() => publicTypes.ListAsync(definitions);

    private static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "";
}
