using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Core.Events;

/// <summary>
/// An event written in the transaction that raised it and dispatched after commit. <see cref="DispatchedUtc"/> is set
/// once every handler has handled it; until then <see cref="NextAttemptUtc"/> says when the sweeper tries again.
/// </summary>
public sealed class OutboxEvent
{
    public Guid Id { get; set; }

    /// <summary>The event's <see cref="DomainEventAttribute"/> name.</summary>
    public string Type { get; set; } = "";

    public string Payload { get; set; } = "{}";

    public DateTime CreatedUtc { get; set; }

    public DateTime? DispatchedUtc { get; set; }

    /// <summary>Failed deliveries so far.</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    /// <summary>A dispatcher holds the event until then (one conditional UPDATE), so two nodes do not run it at once.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    public string? LastError { get; set; }

    internal static void Configure(ModelBuilder builder)
    {
        builder.Entity<OutboxEvent>(e =>
        {
            e.ToTable("OutboxEvents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(200).IsRequired();
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => new { x.DispatchedUtc, x.NextAttemptUtc });
        });

        builder.Entity<HandledEvent>(e =>
        {
            e.ToTable("HandledEvents");
            e.HasKey(x => new { x.EventId, x.Handler });
            e.Property(x => x.Handler).HasMaxLength(300);
            e.HasIndex(x => x.HandledUtc);
        });
    }
}

/// <summary>That a handler handled an event: written in the handler's own transaction, so a retry skips it.</summary>
public sealed class HandledEvent
{
    public Guid EventId { get; set; }

    /// <summary>The handler's full type name.</summary>
    public string Handler { get; set; } = "";

    public DateTime HandledUtc { get; set; }
}
