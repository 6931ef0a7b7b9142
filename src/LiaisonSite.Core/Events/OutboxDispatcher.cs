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

    /// <summary>Delivers the event if it is still undispatched and nobody holds it; true when every handler succeeded.</summary>
    public async Task<bool> DispatchAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        OutboxEvent? row;
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var until = now + s_lease;
            var claimed = await db.OutboxEvents
                .Where(e => e.Id == eventId && e.DispatchedUtc == null && (e.LockedUntilUtc == null || e.LockedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntilUtc, until), cancellationToken);
            row = claimed == 0 ? null : await db.OutboxEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);

            // What the handlers write after commit (notifications, mail, workflow texts) is read by people: in the
            // site's language, as jobs are, not in the server's. Once per event; the handlers' calls inherit it.
            if (row is not null)
            {
                var culture = SiteLanguage.Of((await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync()).DefaultCulture);
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
            }
        }

        if (row is null)
        {
            return false;
        }

        var errors = new List<string>();
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
                errors.Add($"{handler.HandlerName}: {e.GetBaseException().Message}");
            }
        }

        await RecordAsync(row, errors, cancellationToken);
        return errors.Count == 0;
    }

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
    /// Delivers a batch of events — a backlog the sweeper finds, what a bulk import leaves — with the cost of one
    /// transaction per handler rather than one per event and handler: the events are claimed with one UPDATE, each
    /// handler receives its events in the order they were raised inside one scope and transaction (saving after each,
    /// so a later event sees what an earlier one staged), and the deliveries are recorded with one UPDATE. A handler
    /// that fails on one event is rolled back to the savepoint before that event: the failure is recorded on that event
    /// alone (retried later, to that handler only) and the handler's other deliveries are kept — nothing is delivered
    /// twice. Should the transaction itself fail, the handler's events are delivered one by one as
    /// <see cref="DispatchAsync"/> does. Events nobody handles are marked delivered. Returns how many were fully delivered.
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
            // One conditional UPDATE per event, in one transaction: by its key, which every planner takes (an IN list
            // next to "DispatchedUtc IS NULL" made SQLite walk the undispatched index — the whole backlog — instead).
            await using (var claim = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var id in ids)
                {
                    await db.OutboxEvents
                        .Where(e => e.Id == id && e.DispatchedUtc == null && (e.LockedUntilUtc == null || e.LockedUntilUtc < now))
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
        var byHandler = rows
            .SelectMany(row => registry.HandlersOf(row.Type).Select(handler => (row, handler)))
            .GroupBy(x => x.handler.HandlerName, StringComparer.Ordinal);
        foreach (var deliveries in byHandler)
        {
            var list = deliveries.ToList();
            if (await TryHandleTogetherAsync(list, errors, cancellationToken))
            {
                continue;
            }

            foreach (var (row, handler) in list)
            {
                try
                {
                    await HandleAsync(handler, row, new DomainEventContext(row.Id, row.CreatedUtc, row.Attempts + 1), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogHandlerFailed(logger, e, handler.HandlerName, row.Type, row.Id, row.Attempts + 1);
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

    /// <summary>
    /// One handler's share of a batch in one scope and transaction, each delivery behind a savepoint: a delivery that
    /// throws is rolled back alone and its error recorded in <paramref name="errors"/>, the others are kept. False
    /// (nothing kept) when the transaction itself failed; the caller then delivers the events one by one.
    /// </summary>
    private async Task<bool> TryHandleTogetherAsync(
        List<(OutboxEvent Row, DomainEventHandlerRegistration Handler)> deliveries, Dictionary<Guid, List<string>> errors, CancellationToken cancellationToken)
    {
        const string savepoint = "delivery";
        var name = deliveries[0].Handler.HandlerName;
        var failed = new List<(Guid Id, string Error)>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var ids = deliveries.Select(d => d.Row.Id).ToList();
            var handled = (await db.HandledEvents.Where(h => h.Handler == name && ids.Contains(h.EventId)).Select(h => h.EventId).ToListAsync(cancellationToken))
                .ToHashSet();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (row, handler) in deliveries)
            {
                if (handled.Contains(row.Id))
                {
                    continue;
                }

                var context = new DomainEventContext(row.Id, row.CreatedUtc, row.Attempts + 1);
                await transaction.CreateSavepointAsync(savepoint, cancellationToken);
                try
                {
                    await handler.InvokeAsync(scope.ServiceProvider, DomainEventRegistry.Deserialize(row, handler.EventType), context, cancellationToken);
                    db.HandledEvents.Add(new HandledEvent { EventId = row.Id, Handler = name, HandledUtc = clock.GetUtcNow().UtcDateTime });
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                    LogHandlerFailed(logger, e, name, row.Type, row.Id, context.Attempt);
                    failed.Add((row.Id, $"{name}: {e.GetBaseException().Message}"));
                }
                finally
                {
                    // The next event starts with an empty tracker, as in a scope of its own (else every save compares
                    // everything the earlier events loaded).
                    db.ChangeTracker.Clear();
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBatchFellBack(logger, e, name, deliveries.Count);
            return false;
        }

        foreach (var (id, error) in failed)
        {
            errors[id].Add(error);
        }

        return true;
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handler {Handler} failed within a batch of {Count} events; they are delivered one by one.")]
    private static partial void LogBatchFellBack(ILogger logger, Exception e, string handler, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Type} {EventId} failed {Attempts} times and is no longer retried; see OutboxEvents.LastError.")]
    private static partial void LogGaveUp(ILogger logger, string type, Guid eventId, int attempts);
}
