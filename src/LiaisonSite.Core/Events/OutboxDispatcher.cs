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
