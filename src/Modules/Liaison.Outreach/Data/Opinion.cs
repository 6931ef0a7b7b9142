using Microsoft.EntityFrameworkCore;

namespace Liaison.Outreach.Data;

public enum OpinionStatus
{
    Open = 0,
    Answered = 1,
}

/// <summary>
/// An opinion or complaint from the opinion box (意见箱, SPEC R8). Of an anonymous sender nothing is kept but what
/// they wrote: no name, no contact, no IP address. The tracking code is stored only as its SHA-256 hash.
/// </summary>
public sealed class Opinion
{
    public const int MinTextLength = 10;
    public const int MaxTextLength = 3000;
    public const int MaxSubjectLength = 100;
    public const int MaxNameLength = 50;
    public const int MaxContactLength = 100;
    public const int MaxReplyLength = 4000;

    public int Id { get; set; }

    public DateTime CreatedUtc { get; set; }

    public bool Anonymous { get; set; }

    public string? Name { get; set; }

    public string? Contact { get; set; }

    public string Subject { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>A complaint that the sender's rights were infringed: flagged and routed to the committee.</summary>
    public bool RightsComplaint { get; set; }

    /// <summary>Hex SHA-256 of the tracking code.</summary>
    public string CodeHash { get; set; } = "";

    public OpinionStatus Status { get; set; }

    public string? Reply { get; set; }

    public string? RepliedBy { get; set; }

    public DateTime? RepliedUtc { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Opinion>(e =>
    {
        e.ToTable("Opinions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(MaxNameLength);
        e.Property(x => x.Contact).HasMaxLength(MaxContactLength);
        e.Property(x => x.Subject).HasMaxLength(MaxSubjectLength).IsRequired();
        e.Property(x => x.Text).HasMaxLength(MaxTextLength).IsRequired();
        e.Property(x => x.CodeHash).HasMaxLength(64).IsRequired();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Reply).HasMaxLength(MaxReplyLength);
        e.Property(x => x.RepliedBy).HasMaxLength(256);
        e.HasIndex(x => x.CodeHash).IsUnique();
        e.HasIndex(x => new { x.Status, x.CreatedUtc });
    });
}
