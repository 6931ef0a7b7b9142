using Liaison.Search.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Search.Indexing;

/// <summary>A batch of indexing tasks, the distinct items they name, and the published version of those that have one.</summary>
internal sealed record TaskBatch(List<long> TaskIds, List<string> ItemIds, Dictionary<string, ContentItem> Published);

/// <summary>
/// Reads batches for the indexer on the thread pool, each in its own scope (a DbContext is not thread-safe), so the
/// indexer can analyse one batch while the next is loaded: the database and Lucene then use both cores.
/// </summary>
internal sealed class TaskBatchReader(IServiceScopeFactory scopes)
{
    /// <summary>The tasks after <paramref name="after"/> or among <paramref name="gaps"/>, and the published versions of their items.</summary>
    public Task<TaskBatch> ReadAsync(long after, List<long> gaps, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        // Two queries, not "Id > after OR Id IN gaps": with the OR the database gathered every task after the mark and
        // sorted them for each batch (a catch-up of 258,000 tasks on PostgreSQL: 27 ms a batch, growing with the
        // backlog); alone, the range walks the key in order and stops at the batch's end. Gaps lie below the mark.
        var all = db.Set<IndexingTask>().AsNoTracking();
        var late = gaps.Count == 0 ? [] : await all.Where(t => gaps.Contains(t.Id))
            .Select(t => new { t.Id, t.ContentItemId })
            .ToListAsync(cancellationToken);
        var next = await all.Where(t => t.Id > after)
            .OrderBy(t => t.Id).Take(SearchIndexer.BatchSize)
            .Select(t => new { t.Id, t.ContentItemId })
            .ToListAsync(cancellationToken);
        var tasks = late.Concat(next).OrderBy(t => t.Id).Take(SearchIndexer.BatchSize).ToList();
        var ids = tasks.Select(t => t.ContentItemId).Distinct().ToList();
        var published = ids.Count == 0 ? [] : await db.ContentItems.AsNoTracking()
            .Where(c => c.Published && ids.Contains(c.ContentItemId))
            .ToDictionaryAsync(c => c.ContentItemId, cancellationToken);
        return new TaskBatch([.. tasks.Select(t => t.Id)], ids, published);
    }, cancellationToken);

    /// <summary>The next published versions after the row id <paramref name="afterRow"/>, in row order (for a rebuild).</summary>
    public Task<List<ContentItem>> ReadPublishedAsync(long afterRow, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.AsNoTracking()
            .Where(c => c.Published && c.Id > afterRow).OrderBy(c => c.Id).Take(SearchIndexer.BatchSize)
            .ToListAsync(cancellationToken);
    }, cancellationToken);
}
