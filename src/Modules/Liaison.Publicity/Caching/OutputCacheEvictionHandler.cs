using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Publicity.Caching;

/// <summary>
/// Forgets every cached public page when content is published, unpublished or removed. Eviction waits for the
/// commit: evicting earlier would let a concurrent visitor cache the old content again before the change lands.
/// </summary>
internal sealed class OutputCacheEvictionHandler(IOutputCacheStore store, LiaisonDbContext db) : IContentHandler
{
    // One eviction per commit is enough, however many items a recipe or bulk action publishes.
    private bool _scheduled;

    public Task PublishedAsync(ContentContext context) => ScheduleEviction();

    public Task UnpublishedAsync(ContentContext context) => ScheduleEviction();

    public Task RemovedAsync(ContentContext context) => ScheduleEviction();

    private Task ScheduleEviction()
    {
        if (!_scheduled)
        {
            _scheduled = true;
            db.AfterCommit(async () =>
            {
                _scheduled = false;
                await store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
            });
        }

        return Task.CompletedTask;
    }
}
