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
            await foreach (var id in work.Events.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await dispatcher.DispatchAsync(id, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The event stays undispatched; the sweeper retries it.
                    LogFailed(logger, e, id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching event {EventId} failed; the sweeper retries it.")]
    private static partial void LogFailed(ILogger logger, Exception e, Guid eventId);
}

/// <summary>
/// Retries the events that are still undispatched when their next attempt is due: a handler that failed, a node that
/// stopped before dispatching, an event committed on another node that died. Also forgets dispatched events and
/// handled records older than <see cref="KeepDays"/> days.
/// </summary>
internal sealed class OutboxSweepJob(LiaisonDbContext db, OutboxDispatcher dispatcher, TimeProvider clock) : IBackgroundJob
{
    public const int KeepDays = 30;

    private const int BatchSize = 200;

    public string Name => "Events.Sweep";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromSeconds(30));

    public Task RunAsync(CancellationToken cancellationToken) => SweepAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>Dispatches the events due at <paramref name="now"/>; returns how many were delivered to every handler.</summary>
    internal async Task<int> SweepAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var due = await db.OutboxEvents.AsNoTracking()
            .Where(e => e.DispatchedUtc == null && e.Attempts < OutboxDispatcher.MaxAttempts && e.NextAttemptUtc <= now)
            .OrderBy(e => e.CreatedUtc)
            .Select(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var id in due)
        {
            delivered += await dispatcher.DispatchAsync(id, cancellationToken) ? 1 : 0;
        }

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
