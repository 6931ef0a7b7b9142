using Liaison.Search.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Search.Indexing;

/// <summary>
/// Applies the indexing tasks this node has not applied yet to its index. Each task only says "look at this item
/// again": the item's current published version decides what the index holds, so replaying a task is harmless.
/// </summary>
public sealed class SearchIndexer(
    IServiceScopeFactory scopes, SearchStore store, SearchDocumentBuilder builder, TimeProvider clock, IOutputCacheStore? pages = null)
{
    /// <summary>
    /// The output-cache tag of the public search pages: a commit of the index evicts them (they are cached per version
    /// of the index, so this frees what no search will read again).
    /// </summary>
    public const string SearchPagesTag = "public-search";

    public const int BatchSize = 1000;

    /// <summary>A long catch-up commits now and then, so searches see its progress and a crash replays little.</summary>
    public const int CommitEvery = 20_000;

    // The background loop and an admin rebuild must not interleave.
    private readonly SemaphoreSlim _lock = new(1, 1);

    private readonly TaskBatchReader _reader = new(scopes);

    // Rebuilt from the durable cursor after a failed pass: re-applying a task is harmless, skipping one is not.
    private TaskCursor? _cursor;

    private IReadOnlySet<string> _unindexed = new HashSet<string>();

    /// <summary>Applies every pending task (after a rebuild if the folder needs one); returns how many were applied.</summary>
    public async Task<int> UpdateAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (store.RebuildNeeded)
            {
                await RebuildCoreAsync(cancellationToken);
            }

            _cursor ??= new TaskCursor(store.Cursor);
            return await ApplyPendingAsync(_cursor, cancellationToken);
        }
        catch
        {
            _cursor = null;
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Empties the index and indexes every published item again; returns the number of items read.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return await RebuildCoreAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<int> ApplyPendingAsync(TaskCursor cursor, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string>? names = null;
        var after = cursor.High;
        var done = new List<long>();
        var applied = 0;

        // Late tasks filling a gap are looked up once per pass, new ones batch by batch after the highest id read.
        var next = _reader.ReadAsync(after, [.. cursor.Gaps], cancellationToken);
        while (true)
        {
            var batch = await next;
            var full = batch.TaskIds.Count == BatchSize;
            if (full)
            {
                // Load the next batch while this one is analysed, so the database and Lucene use both cores.
                after = Math.Max(after, batch.TaskIds[^1]);
                next = _reader.ReadAsync(after, [], cancellationToken);
            }

            if (batch.TaskIds.Count > 0)
            {
                names ??= await TypeNamesAsync();
                foreach (var id in batch.ItemIds)
                {
                    Apply(id, batch.Published.GetValueOrDefault(id), names);
                }

                done.AddRange(batch.TaskIds);
                applied += batch.TaskIds.Count;
            }

            if (!full || done.Count >= CommitEvery)
            {
                // Also when nothing came: the cursor gives up old gaps then.
                if (done.Count > 0)
                {
                    store.Index.Commit();
                    await EvictSearchPagesAsync();
                }

                var settled = cursor.Settled;
                cursor.Applied(done, clock.GetUtcNow().UtcDateTime);
                done.Clear();
                if (cursor.Settled != settled)
                {
                    store.Cursor = cursor.Settled;
                }
            }

            if (!full)
            {
                return applied;
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> TypeNamesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<ITypeNameSource>();
        _unindexed = source.UnindexedTypes;
        return await source.GetDisplayNamesAsync();
    }

    private async Task<int> RebuildCoreAsync(CancellationToken cancellationToken)
    {
        long lastTask;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Tasks written while we read are applied afterwards; applying twice is harmless.
            lastTask = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<IndexingTask>()
                .MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        }

        var names = await TypeNamesAsync();

        // Until the end commits, searches see the old index; if this fails, the next pass starts over.
        store.RebuildNeeded = true;
        store.Index.DeleteAll();
        var count = 0;
        var next = _reader.ReadPublishedAsync(0, cancellationToken);
        while (true)
        {
            var items = await next;
            var full = items.Count == BatchSize;
            if (full)
            {
                next = _reader.ReadPublishedAsync(items[^1].Id, cancellationToken);
            }

            foreach (var item in items.Where(i => !_unindexed.Contains(i.ContentType)))
            {
                // The index is empty, so adding skips the delete-by-id an update costs.
                store.Index.Add(builder.Build(item, names.GetValueOrDefault(item.ContentType)));
            }

            count += items.Count;
            if (!full)
            {
                break;
            }
        }

        store.Index.Commit();
        await EvictSearchPagesAsync();
        store.Cursor = lastTask;
        _cursor = new TaskCursor(lastTask);
        store.MarkRebuilt();
        return count;
    }

    private async Task EvictSearchPagesAsync()
    {
        if (pages is not null)
        {
            await pages.EvictByTagAsync(SearchPagesTag, default);
        }
    }

    private void Apply(string contentItemId, ContentItem? published, IReadOnlyDictionary<string, string> names)
    {
        if (published is null || _unindexed.Contains(published.ContentType))
        {
            store.Index.Delete(contentItemId);
        }
        else
        {
            store.Index.Put(contentItemId, builder.Build(published, names.GetValueOrDefault(published.ContentType)));
        }
    }
}
