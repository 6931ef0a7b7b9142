using Liaison.Search.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Search.Indexing;

/// <summary>
/// Applies the indexing tasks after this node's cursor to this node's indexes. Each task only says "look at this
/// item again": the item's current published version decides what the indexes hold, so replaying is harmless.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, SearchIndexes indexes, SearchDocumentBuilder builder)
{
    public const int BatchSize = 500;

    // The background loop and an admin rebuild must not interleave.
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Applies every pending task; returns how many were applied.</summary>
    public async Task<int> UpdateAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var applied = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
                var cursor = indexes.Cursor;
                var tasks = await db.Set<IndexingTask>().AsNoTracking()
                    .Where(t => t.Id > cursor).OrderBy(t => t.Id).Take(BatchSize)
                    .Select(t => new { t.Id, t.ContentItemId })
                    .ToListAsync(cancellationToken);
                if (tasks.Count == 0)
                {
                    return applied;
                }

                var types = await scope.ServiceProvider.GetRequiredService<IPublicTypeSource>().GetTypesAsync();
                var ids = tasks.Select(t => t.ContentItemId).Distinct().ToList();
                var published = await db.ContentItems.AsNoTracking()
                    .Where(c => c.Published && ids.Contains(c.ContentItemId))
                    .ToDictionaryAsync(c => c.ContentItemId, cancellationToken);
                foreach (var id in ids)
                {
                    Apply(id, published.GetValueOrDefault(id), types);
                }

                Commit(tasks[^1].Id);
                applied += tasks.Count;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Empties both indexes and indexes every published item again; returns the number of items read.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();

            // Tasks written while we read are replayed afterwards; replaying is harmless.
            var lastTask = await db.Set<IndexingTask>().MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
            var types = await scope.ServiceProvider.GetRequiredService<IPublicTypeSource>().GetTypesAsync();
            indexes.Public.DeleteAll();
            indexes.Admin.DeleteAll();
            indexes.Cursor = 0;
            var count = 0;
            long lastId = 0;
            while (true)
            {
                var items = await db.ContentItems.AsNoTracking()
                    .Where(c => c.Published && c.Id > lastId).OrderBy(c => c.Id).Take(BatchSize)
                    .ToListAsync(cancellationToken);
                if (items.Count == 0)
                {
                    break;
                }

                foreach (var item in items)
                {
                    Apply(item.ContentItemId, item, types);
                }

                lastId = items[^1].Id;
                count += items.Count;
            }

            Commit(lastTask);
            return count;
        }
        finally
        {
            _lock.Release();
        }
    }

    private void Apply(string contentItemId, ContentItem? published, SearchTypes types)
    {
        if (published is null)
        {
            indexes.Public.Delete(contentItemId);
            indexes.Admin.Delete(contentItemId);
            return;
        }

        var document = builder.Build(published, types.DisplayNames.GetValueOrDefault(published.ContentType));
        indexes.Admin.Put(contentItemId, document);
        if (types.Public.Contains(published.ContentType))
        {
            indexes.Public.Put(contentItemId, document);
        }
        else
        {
            indexes.Public.Delete(contentItemId);
        }
    }

    private void Commit(long cursor)
    {
        indexes.Public.Commit();
        indexes.Admin.Commit();
        indexes.Cursor = cursor;
    }
}
