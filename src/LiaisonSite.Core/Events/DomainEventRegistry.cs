using System.Text.Json;
using LiaisonSite.Core.ContentManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiaisonSite.Core.Events;

/// <summary>One handler of one event type, as registered.</summary>
public sealed class DomainEventHandlerRegistration(
    Type eventType, Type handlerType, Func<IServiceProvider, IDomainEvent, DomainEventContext, CancellationToken, Task> invoke)
{
    public string EventName { get; } = DomainEventAttribute.NameOf(eventType);

    public Type EventType { get; } = eventType;

    /// <summary>Recorded with each event handled (<see cref="HandledEvent.Handler"/>): keep it stable.</summary>
    public string HandlerName { get; } = handlerType.FullName!;

    internal Task InvokeAsync(IServiceProvider services, IDomainEvent domainEvent, DomainEventContext context, CancellationToken cancellationToken)
        => invoke(services, domainEvent, context, cancellationToken);
}

/// <summary>The handlers of each event name, built once from the registrations of every module.</summary>
public sealed class DomainEventRegistry(IEnumerable<DomainEventHandlerRegistration> registrations)
{
    private readonly ILookup<string, DomainEventHandlerRegistration> _byName = registrations.ToLookup(r => r.EventName, StringComparer.Ordinal);

    public IEnumerable<DomainEventHandlerRegistration> HandlersOf(string eventName) => _byName[eventName];

    public bool HasHandlers(string eventName) => _byName.Contains(eventName);

    internal static IDomainEvent Deserialize(OutboxEvent row, Type type)
        => (IDomainEvent)(JsonSerializer.Deserialize(row.Payload, type, ContentItemExtensions.SerializerOptions)
            ?? throw new JsonException($"Event {row.Id} has an empty payload."));

    internal static string Serialize(IDomainEvent domainEvent)
        => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), ContentItemExtensions.SerializerOptions);
}

public static class DomainEventServiceCollectionExtensions
{
    /// <summary>Subscribes <typeparamref name="THandler"/> (scoped, one instance per delivery) to <typeparamref name="TEvent"/>.</summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new DomainEventHandlerRegistration(typeof(TEvent), typeof(THandler),
            (provider, e, context, token) => provider.GetRequiredService<THandler>().HandleAsync((TEvent)e, context, token)));
        return services;
    }
}
