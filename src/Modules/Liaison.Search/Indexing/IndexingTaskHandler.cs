using Liaison.Search.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;

namespace Liaison.Search.Indexing;

/// <summary>
/// Stages an indexing task in the request's unit of work whenever what the public can see of an item may
/// change, so the task commits (or rolls back) with the version itself. Once committed, the local indexer is woken.
/// </summary>
internal sealed class IndexingTaskHandler(LiaisonDbContext db, IndexingSignal signal, TimeProvider clock) : IContentHandler
{
    private readonly HashSet<(string, IndexingTaskType)> _staged = [];

    public Task PublishedAsync(ContentContext context) => Stage(context.ContentItem, IndexingTaskType.Update);

    public Task UnpublishedAsync(ContentContext context) => Stage(context.ContentItem, IndexingTaskType.Delete);

    public Task RemovedAsync(ContentContext context) => Stage(context.ContentItem, IndexingTaskType.Delete);

    // A non-versionable type updates its published version in place.
    public Task UpdatedAsync(ContentContext context)
        => context.ContentItem.Published ? Stage(context.ContentItem, IndexingTaskType.Update) : Task.CompletedTask;

    private Task Stage(ContentItem item, IndexingTaskType type)
    {
        if (_staged.Count == 0)
        {
            // What was staged is forgotten when the unit of work commits (the rows are written) or is dropped (they
            // are not): either way the next change in this scope stages its own task.
            db.AfterCommitDiscarded += Reset;
            var wake = signal;
            db.AfterCommit(() =>
            {
                wake.Wake();
                return Task.CompletedTask;
            });
        }

        if (_staged.Add((item.ContentItemId, type)))
        {
            db.Add(new IndexingTask
            {
                ContentItemId = item.ContentItemId,
                Type = type,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
        }

        return Task.CompletedTask;
    }

    private void Reset()
    {
        _staged.Clear();
        db.AfterCommitDiscarded -= Reset;
    }
}
