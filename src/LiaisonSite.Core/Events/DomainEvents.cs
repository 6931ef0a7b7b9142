namespace LiaisonSite.Core.Events;

/// <summary>
/// Something that happened in a module's unit of work and that other code may react to after it committed
/// (ReportSubmitted, TalkRecorded, ContentPublished …). An event is a small immutable record of ids and names, never
/// an entity: it is stored as JSON in the outbox and read back by handlers, possibly much later and on another node.
/// Raise it with <see cref="Data.LiaisonDbContext.Raise"/>; name it with <see cref="DomainEventAttribute"/>.
/// </summary>
public interface IDomainEvent;

/// <summary>The stable name an event is stored under ("Content.Published"); it must never change once released.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DomainEventAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The name of <paramref name="type"/>; an event type without the attribute is a programming error.</summary>
    public static string NameOf(Type type)
        => (GetCustomAttribute(type, typeof(DomainEventAttribute)) as DomainEventAttribute)?.Name
            ?? throw new InvalidOperationException($"{type.FullName} has no [DomainEvent(\"…\")] name.");
}

/// <summary>What a handler knows about the delivery besides the event itself.</summary>
/// <param name="EventId">The outbox id: the same on every delivery of this event, so handlers can be idempotent by it.</param>
/// <param name="OccurredUtc">When the event was raised.</param>
/// <param name="Attempt">1 on the first delivery, more on retries.</param>
public sealed record DomainEventContext(Guid EventId, DateTime OccurredUtc, int Attempt);

/// <summary>
/// Reacts to <typeparamref name="TEvent"/> after the unit of work that raised it committed. It runs in a fresh DI
/// scope inside a transaction of its own: whatever it stages in <see cref="Data.LiaisonDbContext"/> is saved together
/// with the record that it handled the event, so its database work happens once. Work outside the database (mail,
/// a cache) may be repeated if the handler fails after doing it: deliveries are at least once. A handler that throws
/// is logged and retried later; it never fails the save that raised the event.
/// Register with <see cref="DomainEventServiceCollectionExtensions.AddDomainEventHandler{TEvent, THandler}"/>.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, DomainEventContext context, CancellationToken cancellationToken);
}
