using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Core.Notifications;

/// <summary>One notification in one user's bell.</summary>
public sealed class UserNotification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public string? Url { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ReadUtc { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<UserNotification>(e =>
    {
        e.ToTable("Notifications");
        e.HasKey(x => x.Id);
        e.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        e.Property(x => x.Subject).HasMaxLength(200).IsRequired();
        e.Property(x => x.Body).HasMaxLength(4000).IsRequired();
        e.Property(x => x.Url).HasMaxLength(500);
        e.HasIndex(x => new { x.UserId, x.ReadUtc, x.CreatedUtc });
    });
}
