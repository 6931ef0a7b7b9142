using LiaisonSite.Core.ContentManagement;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Core.Data;

/// <summary>Replaces the index rows of changed content versions inside the caller's transaction.</summary>
public sealed class ContentIndexWriter(IEnumerable<IIndexProvider> providers)
{
    private readonly IReadOnlyList<IIndexProvider> _providers = [.. providers];

    internal async Task WriteAsync(LiaisonDbContext db, IReadOnlyList<ContentItem> versions, CancellationToken cancellationToken)
    {
        var versionIds = versions.Select(v => v.ContentItemVersionId).ToList();
        foreach (var indexType in _providers.Select(p => p.IndexType).Distinct())
        {
            // The old rows go with one statement; rows still tracked from an earlier save are forgotten so that
            // the tracker does not try to delete them a second time.
            foreach (var entry in db.ChangeTracker.EntriesAsTracked().Where(e => e.Entity.GetType() == indexType).ToList())
            {
                if (versionIds.Contains(((MapIndex)entry.Entity).ContentItemVersionId))
                {
                    entry.State = EntityState.Detached;
                }
            }

            await DeleteRowsAsync(db, indexType, versionIds, cancellationToken);
        }

        foreach (var version in versions)
        {
            foreach (var provider in _providers)
            {
                foreach (var row in provider.Map(version))
                {
                    row.ContentItemVersionId = version.ContentItemVersionId;
                    db.Add(row);
                }
            }
        }
    }

    private static Task DeleteRowsAsync(LiaisonDbContext db, Type indexType, List<string> versionIds, CancellationToken cancellationToken)
    {
        var method = typeof(ContentIndexWriter).GetMethod(nameof(DeleteRowsOfTypeAsync),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return (Task)method.MakeGenericMethod(indexType).Invoke(null, [db, versionIds, cancellationToken])!;
    }

    private static Task<int> DeleteRowsOfTypeAsync<TIndex>(LiaisonDbContext db, List<string> versionIds, CancellationToken cancellationToken)
        where TIndex : MapIndex
        => db.Set<TIndex>().Where(r => versionIds.Contains(r.ContentItemVersionId)).ExecuteDeleteAsync(cancellationToken);
}
