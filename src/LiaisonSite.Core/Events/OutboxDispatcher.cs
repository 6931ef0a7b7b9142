using System.Globalization;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Localization;
using LiaisonSite.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiaisonSite.Core.Events;

/// <summary>
/// Delivers one outbox event to each of its handlers, each in a fresh scope and transaction together with its
/// <see cref="HandledEvent"/> row, skipping handlers that already handled it. The event is claimed first with one
/// conditional UPDATE (a lease), so the in-process dispatcher and the sweepers of other nodes do not run it at once.
/// Failures are recorded on the event (attempts, next attempt, last error) and never thrown.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, DomainEventRegistry registry, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>After this many failed deliveries an event is left for a person to look at (LastError).</summary>
    public const int MaxAttempts = 20;

    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(5);

    private static readonly DateTime s_never = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The event <paramref name="id"/>, if it is undispatched and nobody's lease on it runs at <paramref name="now"/>.
    /// Written so that the primary key is the only index a planner can use: "DispatchedUtc IS NULL" is what the
    /// undispatched index answers, and PostgreSQL, whose statistics said that almost every event was dispatched, walked
    /// that index — during a bulk import, the whole backlog — for every claim (1.4 ms each after 6,000 events, growing
    /// with the import); an IN list next to it made SQLite do the same. COALESCE hides the column from the index.
    /// </summary>
    internal static System.Linq.Expressions.Expression<Func<OutboxEvent, bool>> Claimable(Guid id, DateTime now)
        => e => e.Id == id && (e.DispatchedUtc ?? s_never) == s_never && (e.LockedUntilUtc == null || e.LockedUntilUtc < now);

    /// <summary>Delivers the event if it is still undispatched and nobody holds it; true when every handler succeeded.</summary>
    public async Task<bool> DispatchAsync(Guid eventId, CancellationToken cancellationToken = default)
        => await DispatchBatchAsync([eventId], cancellationToken) == 1;

    /// <summary>
    /// Delivers the events due at <paramref name="now"/> (undispatched, not given up, next attempt reached) in batches,
    /// oldest first, until none is left or <paramref name="budget"/> has passed; reports the running count to
    /// <paramref name="progress"/>. The sweeper calls it every 30 seconds; <c>recipe run</c> calls it to deliver what
    /// an import raised before it exits. Returns how many were delivered to every handler.
    /// </summary>
    public async Task<int> DispatchDueAsync(DateTime now, TimeSpan? budget, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var delivered = 0;
        var seen = new HashSet<Guid>();
        while (budget is null || clock.GetElapsedTime(started) < budget)
        {
            List<Guid> due;
            var current = clock.GetUtcNow().UtcDateTime;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().OutboxEvents.AsNoTracking()
                    .Where(e => e.DispatchedUtc == null && e.Attempts < MaxAttempts && e.NextAttemptUtc <= now
                        && (e.LockedUntilUtc == null || e.LockedUntilUtc < current))
                    // In the undispatched index's order (an event is due a minute after it was raised, so this is
                    // raising order); ordering by CreatedUtc sorted the whole backlog for every batch.
                    .OrderBy(e => e.NextAttemptUtc).ThenBy(e => e.CreatedUtc)
                    .Select(e => e.Id)
                    .Take(SweepBatch)
                    .ToListAsync(cancellationToken);
            }

            // An event that failed in this run is due later, not again now: stop rather than retry it at once.
            due.RemoveAll(id => !seen.Add(id));
            if (due.Count == 0)
            {
                break;
            }

            delivered += await DispatchBatchAsync(due, cancellationToken);
            progress?.Report(delivered);
        }

        return delivered;
    }

    private const int SweepBatch = 200;

    /// <summary>
    /// Delivers a batch of events — a backlog the sweeper finds, what a bulk import leaves, a burst of requests — with
    /// the claim and the record of the whole batch in one transaction each, instead of one of each per event. Each
    /// delivery itself is as in <see cref="DispatchAsync"/>: in the order the events were raised, every handler in a
    /// scope and transaction of its own (handlers are written for that: a scoped service may keep what it loaded),
    /// a failure recorded on its event alone and retried later to that handler only. Events nobody handles are marked
    /// delivered. Returns how many were delivered to every handler.
    /// (Handling a whole batch in one scope per handler was tried and measured faster, but handlers then saw what
    /// their scoped services had cached from earlier events: the demo site's review workflows ended differently.)
    /// </summary>
    public async Task<int> DispatchBatchAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        if (eventIds.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // The lease's expiry is this claim's mark: another dispatcher's claim carries another instant.
        var until = now + s_lease + TimeSpan.FromTicks(Random.Shared.Next(1, 10_000));
        List<OutboxEvent> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var ids = eventIds.ToList();
            // One conditional UPDATE per event, in one transaction, found by its key (see Claimable).
            await using (var claim = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var id in ids)
                {
                    await db.OutboxEvents
                        .Where(Claimable(id, now))
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntilUtc, until), cancellationToken);
                }

                await claim.CommitAsync(cancellationToken);
            }

            rows = await db.OutboxEvents.AsNoTracking()
                .Where(e => ids.Contains(e.Id) && e.LockedUntilUtc == until)
                .OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id)
                .ToListAsync(cancellationToken);
            if (rows.Count > 0)
            {
                var culture = SiteLanguage.Of((await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync()).DefaultCulture);
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var errors = rows.ToDictionary(r => r.Id, _ => new List<string>());
        foreach (var row in rows)
        {
            var context = new DomainEventContext(row.Id, row.CreatedUtc, row.Attempts + 1);
            foreach (var handler in registry.HandlersOf(row.Type))
            {
                try
                {
                    await HandleAsync(handler, row, context, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogHandlerFailed(logger, e, handler.HandlerName, row.Type, row.Id, context.Attempt);
                    errors[row.Id].Add($"{handler.HandlerName}: {e.GetBaseException().Message}");
                }
            }
        }

        var delivered = rows.Where(r => errors[r.Id].Count == 0).Select(r => r.Id).ToList();
        var done = clock.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            foreach (var chunk in delivered.Chunk(500))
            {
                await db.OutboxEvents.Where(e => chunk.Contains(e.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.DispatchedUtc, done)
                    .SetProperty(e => e.LockedUntilUtc, (DateTime?)null)
                    .SetProperty(e => e.LastError, (string?)null), cancellationToken);
            }
        }

        foreach (var row in rows.Where(r => errors[r.Id].Count > 0))
        {
            await RecordAsync(row, errors[row.Id], cancellationToken);
        }

        return delivered.Count;
    }

    private async Task HandleAsync(DomainEventHandlerRegistration handler, OutboxEvent row, DomainEventContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        if (await db.HandledEvents.AnyAsync(h => h.EventId == row.Id && h.Handler == handler.HandlerName, cancellationToken))
        {
            return;
        }

        var domainEvent = DomainEventRegistry.Deserialize(row, handler.EventType);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await handler.InvokeAsync(scope.ServiceProvider, domainEvent, context, cancellationToken);
        db.HandledEvents.Add(new HandledEvent { EventId = row.Id, Handler = handler.HandlerName, HandledUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await HandledElsewhereAsync(row.Id, handler.HandlerName, cancellationToken))
            {
                // Another dispatcher handled it meanwhile; this run's changes roll back with the transaction.
                return;
            }

            throw;
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<bool> HandledElsewhereAsync(Guid eventId, string handler, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().HandledEvents
            .AnyAsync(h => h.EventId == eventId && h.Handler == handler, cancellationToken);
    }

    private async Task RecordAsync(OutboxEvent row, List<string> errors, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        if (errors.Count == 0)
        {
            await db.OutboxEvents.Where(e => e.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.DispatchedUtc, now)
                .SetProperty(e => e.LockedUntilUtc, (DateTime?)null)
                .SetProperty(e => e.LastError, (string?)null), cancellationToken);
            return;
        }

        var attempts = row.Attempts + 1;
        var error = string.Join(" | ", errors);
        var next = now + Backoff(attempts);
        await db.OutboxEvents.Where(e => e.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Attempts, attempts)
            .SetProperty(e => e.NextAttemptUtc, next)
            .SetProperty(e => e.LockedUntilUtc, (DateTime?)null)
            .SetProperty(e => e.LastError, error.Length > 2000 ? error[..2000] : error), cancellationToken);
        if (attempts >= MaxAttempts)
        {
            LogGaveUp(logger, row.Type, row.Id, attempts);
        }
    }

    /// <summary>10 s, 20 s, 40 s … up to an hour between attempts.</summary>
    public static TimeSpan Backoff(int attempts)
        => TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Min(attempts - 1, 12))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} failed on event {Type} {EventId} (attempt {Attempt}); it is retried later.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception e, string handler, string type, Guid eventId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Type} {EventId} failed {Attempts} times and is no longer retried; see OutboxEvents.LastError.")]
    private static partial void LogGaveUp(ILogger logger, string type, Guid eventId, int attempts);
}
