using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LiaisonSite.Core.Data;

/// <summary>
/// Tells every node that a document changed. On this node the copy is forgotten at once; with Redis the key is
/// published on the site's channel and every node forgets it when the message arrives. Without Redis (or should a
/// message be lost while Redis reconnects) <see cref="DocumentChangeWatcher"/> finds the change by its version.
/// Settings, definitions and grants shape what the public sees (the site's name is on every page), so a node that
/// learns of a change also forgets its cached public pages and fragments. A change of public content (an item
/// published, unpublished, removed or edited in place) travels the same way under <see cref="PublicContentKey"/>.
/// </summary>
public sealed partial class DocumentChangeSignal(DocumentCache cache, PublicPageCache policy, IServiceScopeFactory scopes,
    ILogger<DocumentChangeSignal> logger, IOutputCacheStore? pages = null, LiaisonOptions? options = null, IConnectionMultiplexer? redis = null)
{
    /// <summary>
    /// The row whose version counts the changes of public content: no document is stored under it, only its version,
    /// which <see cref="DocumentChangeWatcher"/> polls like the others.
    /// </summary>
    public const string PublicContentKey = "PublicContent";

    internal RedisChannel Channel { get; } = RedisChannel.Literal((options?.RedisInstanceName ?? "liaison:") + "documents");

    internal IConnectionMultiplexer? Redis => redis;

    /// <summary>A document was saved on this node and committed.</summary>
    public async Task ChangedAsync(string key)
    {
        await ForgetAsync(key);
        await AnnounceAsync(key, key);
    }

    /// <summary>
    /// Public content changed in a committed unit of work on this node, which has already forgotten its pages (see
    /// PublicPageCacheEviction): the other nodes are told, at once through Redis when it is configured, and by the
    /// version of the <see cref="PublicContentKey"/> row, which their poll reads, in any case.
    /// </summary>
    internal async Task PublicContentChangedAsync()
    {
        Interlocked.Increment(ref _counting);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var version = await CountChangeAsync(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
            lock (_ownChanges)
            {
                _ownChanges.Add(version);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _counting);
        }

        await AnnounceAsync(PublicContentKey + "@" + _node, PublicContentKey);
    }

    // Tells the other nodes at once when Redis is configured; should Redis not answer, their poll finds the change
    // within its interval.
    private async Task AnnounceAsync(string message, string key)
    {
        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, key, e);
        }
    }

    // The row's new version (SQLite and PostgreSQL both return it from the update); the first change makes the row.
    private static async Task<long> CountChangeAsync(LiaisonDbContext db)
    {
        for (var attempt = 0; ; attempt++)
        {
            var counted = await db.Database
                .SqlQuery<long>($"UPDATE \"Documents\" SET \"Version\" = \"Version\" + 1 WHERE \"Key\" = {PublicContentKey} RETURNING \"Version\" AS \"Value\"")
                .ToListAsync();
            if (counted.Count > 0)
            {
                return counted[0];
            }

            try
            {
                db.Documents.Add(new DocumentRecord { Key = PublicContentKey, Version = 1 });
                await db.SaveChangesAsync();
                return 1;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another node's first change made the row in the meantime: count this one on it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private int _counting;

    /// <summary>A change of this node is being counted on the row: the poll waits for it to be known as this node's own.</summary>
    internal bool CountingOwnChange => Volatile.Read(ref _counting) > 0;

    // This node's own changes as counted on the row, so that its poll does not forget its pages a second time for them.
    private readonly HashSet<long> _ownChanges = [];

    // Names this node in its announcements, so that it does not act on its own (Redis delivers them to it too).
    private readonly string _node = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Whether the PublicContent row moved from <paramref name="seen"/> to <paramref name="now"/> by this node's own
    /// changes alone (which this node has already acted on); false when it cannot tell.
    /// </summary>
    internal bool OnlyOwnChanges(long? seen, long now)
    {
        lock (_ownChanges)
        {
            var own = seen is { } from && now > from && now - from <= 1000;
            for (var v = (seen ?? now) + 1; own && v <= now; v++)
            {
                own = _ownChanges.Contains(v);
            }

            _ownChanges.RemoveWhere(v => v <= now);
            return own;
        }
    }

    /// <summary>What a message on the channel means: the key to forget, or null for this node's own announcement.</summary>
    internal string? KeyOf(string message)
        => !message.StartsWith(PublicContentKey + "@", StringComparison.Ordinal) ? message
            : message == PublicContentKey + "@" + _node ? null
            : PublicContentKey;

    /// <summary>Forgets this node's copy of the document and its cached public pages.</summary>
    internal async Task ForgetAsync(string key)
    {
        cache.Forget(key);
        if (pages is not null)
        {
            await policy.EvictAsync(pages, default);
        }
        else
        {
            policy.Forget();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce the change of document {Key} through Redis; other nodes see it at their next poll.")]
    private static partial void LogPublishFailed(ILogger logger, string key, Exception e);
}

public static class DocumentServices
{
    /// <summary>The document store and the node's cache of documents (the site adds the watcher of other nodes' changes).</summary>
    public static IServiceCollection AddLiaisonDocuments(this IServiceCollection services)
    {
        services.AddSingleton<DocumentCache>();
        // The site replaces it with the configured policy (AddLiaisonWeb); hosts without pages keep this one.
        services.TryAddSingleton(_ => new PublicPageCache());
        services.TryAddSingleton<PublicFragments>();
        services.AddSingleton<DocumentChangeSignal>(); // takes the output cache and Redis when the site has them
        services.TryAddScoped<UnitOfWorkSlot>();
        services.AddScoped<IDocumentStore, DocumentStore>();
        return services;
    }
}

/// <summary>
/// Keeps this node's <see cref="DocumentCache"/> current with changes made on other nodes: it listens on the Redis
/// channel when Redis is configured, and polls the documents' versions (one small query) every second without Redis,
/// every 30 seconds with it as a backstop. Real time, not the site's TimeProvider: a test that freezes the clock must
/// not freeze the cache.
/// </summary>
internal sealed partial class DocumentChangeWatcher(DocumentCache cache, DocumentChangeSignal signal, PublicFragments fragments,
    IServiceScopeFactory scopes, ILogger<DocumentChangeWatcher> logger) : BackgroundService
{
    internal static readonly TimeSpan PollWithoutRedis = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan PollWithRedis = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (signal.Redis is { } redis)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(signal.Channel);
                queue.OnMessage(async message =>
                {
                    if (!message.Message.IsNullOrEmpty && signal.KeyOf(message.Message!) is { } key)
                    {
                        await signal.ForgetAsync(key);
                    }
                });
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogSubscribeFailed(logger, e);
            }
        }

        using var timer = new PeriodicTimer(signal.Redis is null ? PollWithoutRedis : PollWithRedis);
        var failing = false;
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
                failing = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database that is down or not migrated yet: say so once, then keep trying quietly.
                if (!failing)
                {
                    LogPollFailed(logger, e);
                }

                failing = true;
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (!cache.HasEntries && fragments.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var versions = await db.Documents.AsNoTracking().Select(d => new { d.Key, d.Version }).ToDictionaryAsync(d => d.Key, d => d.Version, cancellationToken);
        foreach (var key in cache.StaleKeys(versions))
        {
            await signal.ForgetAsync(key);
        }

        // Public content changed on another node (this node's own changes, which it has acted on, are told apart).
        // Unknown at the first poll: forgotten then, as it may have changed before.
        long? publicContent = versions.TryGetValue(DocumentChangeSignal.PublicContentKey, out var v) ? v : null;
        if (publicContent != _publicContentVersion && !signal.CountingOwnChange)
        {
            var own = publicContent is { } now && signal.OnlyOwnChanges(_publicContentVersion, now);
            _publicContentVersion = publicContent;
            if (!own)
            {
                await signal.ForgetAsync(DocumentChangeSignal.PublicContentKey);
            }
        }
    }

    private long? _publicContentVersion;

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to document changes through Redis; changes on other nodes are seen by the poll.")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not poll the documents' versions; cached documents may be stale until the database answers.")]
    private static partial void LogPollFailed(ILogger logger, Exception e);
}
