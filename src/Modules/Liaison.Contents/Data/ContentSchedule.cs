using Microsoft.EntityFrameworkCore;

namespace Liaison.Contents.Data;

/// <summary>
/// When an item is to be published and/or unpublished by the <c>Contents.ScheduledPublishing</c> job (SPEC R14). One
/// row per item; a time is cleared once the job has acted on it, and the row goes when both are cleared.
/// </summary>
public sealed class ContentSchedule
{
    public int Id { get; set; }

    public string ContentItemId { get; set; } = "";

    /// <summary>When the latest version is published (UTC); null when no publication is scheduled.</summary>
    public DateTime? PublishUtc { get; set; }

    /// <summary>When the published version is unpublished (UTC); null when no withdrawal is scheduled.</summary>
    public DateTime? UnpublishUtc { get; set; }

    /// <summary>Who set the schedule (a user name).</summary>
    public string ScheduledBy { get; set; } = "";

    public DateTime ScheduledUtc { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ContentSchedule>(e =>
    {
        e.ToTable("ContentSchedules");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ScheduledBy).HasMaxLength(256).IsRequired();
        e.HasIndex(x => x.ContentItemId).IsUnique();
        e.HasIndex(x => x.PublishUtc);
        e.HasIndex(x => x.UnpublishUtc);
    });
}
