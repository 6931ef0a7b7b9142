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
/// learns of a change also forgets its cached public pages.
/// </summary>
public sealed partial class DocumentChangeSignal(DocumentCache cache, PublicPageCache policy, ILogger<DocumentChangeSignal> logger,
    IOutputCacheStore? pages = null, LiaisonOptions? options = null, IConnectionMultiplexer? redis = null)
{
    internal RedisChannel Channel { get; } = RedisChannel.Literal((options?.RedisInstanceName ?? "liaison:") + "documents");

    internal IConnectionMultiplexer? Redis => redis;

    /// <summary>A document was saved on this node and committed.</summary>
    public async Task ChangedAsync(string key)
    {
        await ForgetAsync(key);
        if (redis is null)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, key);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The other nodes' poll finds the change within its interval.
            LogPublishFailed(logger, key, e);
        }
    }

    /// <summary>Forgets this node's copy of the document and its cached public pages.</summary>
    internal async Task ForgetAsync(string key)
    {
        cache.Forget(key);
        if (pages is not null)
        {
            await policy.EvictAsync(pages, default);
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
internal sealed partial class DocumentChangeWatcher(DocumentCache cache, DocumentChangeSignal signal, IServiceScopeFactory scopes,
    ILogger<DocumentChangeWatcher> logger) : BackgroundService
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
                    if (!message.Message.IsNullOrEmpty)
                    {
                        await signal.ForgetAsync(message.Message!);
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
        if (!cache.HasEntries)
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
    }

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
