using LiaisonSite.Core.Data;
using LiaisonSite.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiaisonSite.Core.Events;

/// <summary>Dispatches the events committed on this node as soon as they are committed, off the request.</summary>
internal sealed partial class OutboxDispatchService(AfterCommitWork work, OutboxDispatcher dispatcher, ILogger<OutboxDispatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var batch = new List<Guid>();
            while (await work.Events.WaitToReadAsync(stoppingToken))
            {
                // What committed meanwhile goes together: one save's events, or a burst of requests.
                batch.Clear();
                while (batch.Count < BatchSize && work.Events.TryRead(out var id))
                {
                    batch.Add(id);
                }

                try
                {
                    await dispatcher.DispatchBatchAsync(batch, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The events stay undispatched; the sweeper retries them.
                    LogFailed(logger, e, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private const int BatchSize = 200;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching {Count} events failed; the sweeper retries them.")]
    private static partial void LogFailed(ILogger logger, Exception e, int count);
}

/// <summary>
/// Retries the events that are still undispatched when their next attempt is due: a handler that failed, a node that
/// stopped before dispatching, an event committed on another node that died, the backlog of a bulk import run from the
/// command line. A backlog is worked through in batches for up to <see cref="Budget"/> per run, so it drains at the
/// dispatcher's full speed without one run outlasting its schedule. Also forgets dispatched events and handled records
/// older than <see cref="KeepDays"/> days.
/// </summary>
internal sealed class OutboxSweepJob(LiaisonDbContext db, OutboxDispatcher dispatcher, TimeProvider clock) : IBackgroundJob
{
    public const int KeepDays = 30;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    public string Name => "Events.Sweep";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromSeconds(30));

    public Task RunAsync(CancellationToken cancellationToken) => SweepAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>Dispatches the events due at <paramref name="now"/>; returns how many were delivered to every handler.</summary>
    internal async Task<int> SweepAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var delivered = await dispatcher.DispatchDueAsync(now, Budget, progress: null, cancellationToken);
        var old = now.AddDays(-KeepDays);
        await db.OutboxEvents.Where(e => e.DispatchedUtc != null && e.DispatchedUtc < old).ExecuteDeleteAsync(cancellationToken);
        await db.HandledEvents.Where(h => h.HandledUtc < old).ExecuteDeleteAsync(cancellationToken);
        return delivered;
    }
}

public static class OutboxServiceCollectionExtensions
{
    internal static IServiceCollection AddLiaisonEvents(this IServiceCollection services)
    {
        services.AddSingleton<DomainEventRegistry>();
        services.AddSingleton<AfterCommitWork>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatchService>();
        services.AddBackgroundJob<OutboxSweepJob>();
        return services;
    }
}
