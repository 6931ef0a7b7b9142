using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Core.Mail;

/// <summary>
/// An e-mail waiting to go out. Written in the unit of work that caused it; the "Mail.Send" job sends it and, when the
/// server does not take it, tries again later (<see cref="NextAttemptUtc"/>), until <see cref="MailDelivery.MaxAttempts"/>.
/// </summary>
public sealed class QueuedMail
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>Set when the last attempt failed: the message is kept, and no longer tried.</summary>
    public DateTime? GaveUpUtc { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<QueuedMail>(e =>
    {
        e.ToTable("MailQueue");
        e.HasKey(x => x.Id);
        e.Property(x => x.To).HasMaxLength(256).IsRequired();
        e.Property(x => x.Subject).HasMaxLength(200).IsRequired();
        e.Property(x => x.Body).HasMaxLength(8000).IsRequired();
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.HasIndex(x => new { x.SentUtc, x.GaveUpUtc, x.NextAttemptUtc });
    });
}
