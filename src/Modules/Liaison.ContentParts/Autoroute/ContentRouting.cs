using System.Security.Claims;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.ContentParts.Autoroute;

/// <summary>
/// Public addresses of content. An item is served at its path when its type has an AutoroutePart, is not
/// Securable, and the item is published; drafts never have a public address.
/// </summary>
public interface IContentRouting
{
    /// <summary>"/path" of the item's published version, or null when the item is not publicly served.</summary>
    Task<string?> GetPathAsync(ContentItem item);

    /// <summary>Public URLs of the published items among <paramref name="contentItemIds"/>, by ContentItemId.</summary>
    Task<IReadOnlyDictionary<string, string>> GetPathsAsync(IEnumerable<string> contentItemIds);

    /// <summary>
    /// The published, public item at a path ("examples/x" or "/examples/x"), or null; it may be one only signed-in users
    /// may read (<see cref="ISignedInOnlyContent"/>), which the page checks.
    /// </summary>
    Task<ContentItem?> FindPublishedAsync(string? path);

    /// <summary>"/path" of the published items of <paramref name="contentTypes"/>, by path, at most <paramref name="max"/> (the sitemap).</summary>
    Task<IReadOnlyList<PublishedPath>> PublishedPathsAsync(IReadOnlyCollection<string> contentTypes, int max);
}

/// <summary>A published item's address and when it last changed.</summary>
public sealed record PublishedPath(string Path, DateTime? ModifiedUtc, DateTime? PublishedUtc);

internal sealed class ContentRouting(
    LiaisonDbContext db, IContentDefinitionManager definitions, IPublicContentTypes publicTypes, IEnumerable<ISignedInOnlyContent> signedInOnly)
    : IContentRouting
{
    public async Task<string?> GetPathAsync(ContentItem item)
        => (await GetPathsAsync([item.ContentItemId])).GetValueOrDefault(item.ContentItemId);

    public async Task<IReadOnlyDictionary<string, string>> GetPathsAsync(IEnumerable<string> contentItemIds)
    {
        var ids = contentItemIds.Distinct().ToList();
        var rows = await PublicAddresses()
            .Where(r => r.Published && ids.Contains(r.ContentItemId))
            .Select(r => new { r.ContentItemId, r.ContentType, r.Path })
            .ToListAsync();
        var paths = new Dictionary<string, string>();
        foreach (var row in rows)
        {
            if (await IsPublicTypeAsync(row.ContentType))
            {
                paths[row.ContentItemId] = "/" + row.Path;
            }
        }

        return paths;
    }

    public async Task<ContentItem?> FindPublishedAsync(string? path)
    {
        var normalized = AutoroutePaths.Normalize(path)?.ToLowerInvariant();
        if (normalized is null)
        {
            return null;
        }

        var versionId = await db.Set<AutorouteIndex>().AsNoTracking()
            .Where(r => r.Published && r.Path.ToLower() == normalized)
            .Select(r => r.ContentItemVersionId)
            .FirstOrDefaultAsync();
        if (versionId is null)
        {
            return null;
        }

        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemVersionId == versionId && c.Published);
        return item is not null && await IsPublicTypeAsync(item.ContentType) ? item : null;
    }

    public async Task<IReadOnlyList<PublishedPath>> PublishedPathsAsync(IReadOnlyCollection<string> contentTypes, int max)
    {
        var types = contentTypes.ToList();
        var rows = await PublicAddresses()
            .Where(r => r.Published && types.Contains(r.ContentType))
            .Join(db.ContentItems.Where(c => c.Published), r => r.ContentItemVersionId, c => c.ContentItemVersionId,
                (r, c) => new { r.Path, c.ModifiedUtc, c.PublishedUtc })
            .OrderBy(x => x.Path)
            .Take(max)
            .ToListAsync();
        return [.. rows.Select(x => new PublishedPath("/" + x.Path, x.ModifiedUtc, x.PublishedUtc))];
    }

    /// <summary>
    /// Address rows without the items only signed-in users may read (lists, feeds and the sitemap leave them out), as a
    /// subquery of the same round trip.
    /// </summary>
    private IQueryable<AutorouteIndex> PublicAddresses()
    {
        var rows = db.Set<AutorouteIndex>().AsNoTracking();
        foreach (var rule in signedInOnly)
        {
            var hidden = rule.PublishedItemIds();
            rows = rows.Where(r => !hidden.Contains(r.ContentItemId));
        }

        return rows;
    }

    private async Task<bool> IsPublicTypeAsync(string contentType)
    {
        var type = await definitions.GetTypeAsync(contentType);
        return type is not null && await publicTypes.IsPublicAsync(type);
    }
}

/// <summary>
/// The public rule as this module knows it, Orchard Core's way: a type is publicly served when it has an
/// <see cref="AutoroutePart"/> (an address), the Anonymous role holds the view permission (Contents.View, Orchard's
/// ViewContent), and no access scope governs it (contacts, talks, reports …). Anything else is private (fail closed).
/// A Securable type has its own view permission, Contents.View.{Type} (Orchard's ViewContent_{Type}), and is public
/// when Anonymous holds that instead — granted by itself, or implied by Contents.ViewSecurable, which a new site's Anonymous
/// holds as Orchard's does (a site set up before keeps its Securable types private until one of the two is granted).
/// </summary>
internal sealed class RoutableTypesArePublic(IPermissionService permissions, IServiceProvider services) : IPublicContentTypes
{
    private static readonly ClaimsPrincipal s_anonymous = new(new ClaimsIdentity());

    // IContentVisibility (Liaison.Contents' ContentQueries) itself asks this rule: taken when asked, not when built,
    // or the two would wait on each other being constructed.
    public async Task<bool> IsPublicAsync(ContentTypeDefinition type)
        => type.HasPart(nameof(AutoroutePart))
            && !services.GetRequiredService<IContentVisibility>().ScopedTypes.Contains(type.Name, StringComparer.OrdinalIgnoreCase)
            // Declared by Liaison.Contents (Permissions.View and ContentTypePermissions), which this module does not reference.
            && (type.TypeSettings.Securable
                ? await permissions.HasPermissionAsync(s_anonymous, TypeViewPermission(type.Name))
                : await permissions.HasPermissionAsync(s_anonymous, "Contents.View"));

    /// <summary>Liaison.Contents' ContentTypePermissions.NameOf(View, type): "Contents.View.Blog".</summary>
    private static string TypeViewPermission(string contentType) => $"Contents.View.{contentType}";
}
