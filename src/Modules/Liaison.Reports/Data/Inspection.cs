using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Data;

/// <summary>
/// A saved half-yearly inspection (R10) of a branch: the figures as they were when saved (<see cref="Snapshot"/>, JSON
/// of the sheet, never recomputed), the secretary's findings, and the rectification items, followed up until closed.
/// </summary>
public sealed class Inspection
{
    public const int MaxFindingsLength = 8000;

    public int Id { get; set; }

    public string BranchId { get; set; } = "";

    /// <summary>"2026-H2".</summary>
    public string HalfYear { get; set; } = "";

    public string Snapshot { get; set; } = "{}";

    public string? Findings { get; set; }

    public string SavedBy { get; set; } = "";

    public DateTime SavedUtc { get; set; }

    public List<RectificationItem> Items { get; set; } = [];

    internal static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Inspection>(e =>
        {
            e.ToTable("Inspections");
            e.HasKey(x => x.Id);
            e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
            e.Property(x => x.HalfYear).HasMaxLength(7).IsRequired();
            e.Property(x => x.Findings).HasMaxLength(MaxFindingsLength);
            e.Property(x => x.SavedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.BranchId, x.HalfYear });
            e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RectificationItem>(e =>
        {
            e.ToTable("RectificationItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
            e.Property(x => x.Text).HasMaxLength(RectificationItem.MaxTextLength).IsRequired();
            e.Property(x => x.ClosingNote).HasMaxLength(RectificationItem.MaxTextLength);
            e.HasIndex(x => new { x.BranchId, x.Closed });
        });
    }
}

/// <summary>A rectification item (整改事项) of an inspection, tracked on the follow-up list until closed with a note.</summary>
public sealed class RectificationItem
{
    public const int MaxTextLength = 500;

    public int Id { get; set; }

    public int InspectionId { get; set; }

    public string BranchId { get; set; } = "";

    public string Text { get; set; } = "";

    public DateOnly? DueDate { get; set; }

    public bool Closed { get; set; }

    public string? ClosingNote { get; set; }
}
