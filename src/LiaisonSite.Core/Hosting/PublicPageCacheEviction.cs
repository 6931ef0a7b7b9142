using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace LiaisonSite.Core.Hosting;

/// <summary>
/// Forgets the cached public pages once a change that the public can see has been committed: evicting earlier
/// would let a concurrent request cache the old page again, and a rolled-back change must not evict anything.
/// </summary>
internal sealed class PublicPageCacheEviction(LiaisonDbContext db, IOutputCacheStore outputCacheStore, PublicPageCache pages, DocumentChangeSignal signal)
    : IContentHandler
{
    private bool _registered;

    public Task PublishedAsync(ContentContext context) => RegisterEviction();

    public Task UnpublishedAsync(ContentContext context) => RegisterEviction();

    public Task RemovedAsync(ContentContext context) => RegisterEviction();

    // A type without versions is edited in place, so saving a published item changes what the public sees.
    public Task UpdatedAsync(ContentContext context) => context.ContentItem.Published ? RegisterEviction() : Task.CompletedTask;

    private Task RegisterEviction()
    {
        // One eviction per unit of work is enough, however many items changed. The flag is reset when the eviction
        // is handed over or dropped (rollback, failed save), so a retry in the same scope registers it again. The
        // action captures only singletons (the store, the policy): it may be retried after the request if the store fails.
        if (!_registered)
        {
            _registered = true;
            db.AfterCommitDiscarded += Reset;
            var (store, cache, changes) = (outputCacheStore, pages, signal);
            db.AfterCommit(() => cache.EvictAsync(store, default).AsTask());

            // Then the other nodes, which keep their own fragments (and, without Redis, their own cached pages).
            db.AfterCommit(changes.PublicContentChangedAsync);
        }

        return Task.CompletedTask;
    }

    private void Reset()
    {
        _registered = false;
        db.AfterCommitDiscarded -= Reset;
    }
}
