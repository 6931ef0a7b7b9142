using Microsoft.EntityFrameworkCore;

namespace Liaison.Search.Data;

public enum IndexingTaskType
{
    Update = 0,
    Delete = 1,
}

/// <summary>
/// "This item changed": written in the same transaction as the content version, read by the indexer of every
/// node after its own cursor (the last task id it has applied), so every node's index converges.
/// </summary>
public sealed class IndexingTask
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public IndexingTaskType Type { get; set; }

    public DateTime CreatedUtc { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<IndexingTask>(e =>
    {
        e.ToTable("IndexingTasks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.HasIndex(x => x.ContentItemId);
    });
}
