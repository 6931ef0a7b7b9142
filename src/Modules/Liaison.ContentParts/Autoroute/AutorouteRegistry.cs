using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.ContentParts.Autoroute;

/// <summary>Answers whether a path belongs to another item, counting versions not yet saved in this unit of work.</summary>
internal sealed class AutorouteRegistry(LiaisonDbContext db)
{
    public async Task<bool> IsTakenAsync(string path, string contentItemId)
    {
        // Versions staged in this unit of work (e.g. a recipe creating many items) have no index rows yet.
        var staged = db.ChangeTracker.EntriesAsTracked<ContentItem>()
            .Where(e => e.State != EntityState.Deleted && e.Entity.ContentItemId != contentItemId && (e.Entity.Latest || e.Entity.Published))
            .ToList();
        if (staged.Any(e => string.Equals(e.Entity.As<AutoroutePart>().Path, path, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var stagedVersionIds = staged.Select(e => e.Entity.ContentItemVersionId).ToList();
        var lowered = path.ToLowerInvariant();
        return await db.Set<AutorouteIndex>().AnyAsync(r =>
            r.Path.ToLower() == lowered && r.ContentItemId != contentItemId && (r.Latest || r.Published)
            && !stagedVersionIds.Contains(r.ContentItemVersionId));
    }

    /// <summary>The path itself when free, otherwise the first free "path-2", "path-3" …</summary>
    public async Task<string> MakeUniqueAsync(string path, string contentItemId)
    {
        if (AutoroutePaths.IsReserved(path))
        {
            // A generated path must not shadow a page of the site: move it off the reserved first segment.
            var slash = path.IndexOf('/');
            path = slash < 0 ? path + "-2" : path[..slash] + "-2" + path[slash..];
        }

        var candidate = path;
        for (var n = 2; await IsTakenAsync(candidate, contentItemId); n++)
        {
            var suffix = "-" + n;
            var stem = path.Length + suffix.Length > AutoroutePaths.MaxLength ? path[..(AutoroutePaths.MaxLength - suffix.Length)] : path;
            candidate = stem + suffix;
        }

        return candidate;
    }
}
