using Microsoft.EntityFrameworkCore;

namespace Liaison.Workflows.Data;

/// <summary>A stored workflow type: its definition is the Orchard-shaped JSON, kept whole so an export gives it back.</summary>
public sealed class WorkflowTypeRecord
{
    public int Id { get; set; }

    public string WorkflowTypeId { get; set; } = "";

    public string Name { get; set; } = "";

    public bool IsEnabled { get; set; }

    public string Definition { get; set; } = "{}";

    public DateTime ModifiedUtc { get; set; }
}

public enum WorkflowStatus
{
    Running = 0,
    Halted = 1,
    Finished = 2,
    Faulted = 3,
}

/// <summary>
/// A running workflow: where it waits (blocking activities), what it knows (state) and what it is about (correlation:
/// the content item). <see cref="Version"/> is the concurrency token: two requests or nodes that read the same version
/// cannot both save a resume, the second UPDATE finds no row and everything it staged is rolled back.
/// </summary>
public sealed class WorkflowInstance
{
    public long Id { get; set; }

    public string WorkflowId { get; set; } = "";

    public string WorkflowTypeId { get; set; } = "";

    public string? CorrelationId { get; set; }

    /// <summary>The correlated item's branch (PartyBranch id), so tasks can be offered in it.</summary>
    public string? BranchId { get; set; }

    public string? Owner { get; set; }

    public WorkflowStatus Status { get; set; }

    /// <summary>JSON array of the activity ids the instance waits on.</summary>
    public string BlockingActivities { get; set; } = "[]";

    /// <summary>JSON object: the workflow's properties (LastOutcome, LastComment, values set by tasks).</summary>
    public string State { get; set; } = "{}";

    public string? FaultMessage { get; set; }

    public string? FaultedActivityId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public int Version { get; set; }

    public List<WorkflowJournalEntry> Journal { get; set; } = [];

    public List<WorkflowTask> Tasks { get; set; } = [];
}

/// <summary>One step of an instance: which activity, when, by whom, with what outcome and comment.</summary>
public sealed class WorkflowJournalEntry
{
    public long Id { get; set; }

    public long WorkflowInstanceId { get; set; }

    public string ActivityId { get; set; } = "";

    public string ActivityName { get; set; } = "";

    public string? Title { get; set; }

    public DateTime Utc { get; set; }

    public string? UserName { get; set; }

    public string? Outcome { get; set; }

    public string? Comment { get; set; }
}

public enum WorkflowTaskStatus
{
    Open = 0,
    Decided = 1,
    Cancelled = 2,
}

/// <summary>A user task waiting for a decision: offered to the holders of <see cref="Roles"/> in <see cref="BranchId"/>.</summary>
public sealed class WorkflowTask
{
    public const int MaxCommentLength = 2000;

    public long Id { get; set; }

    public long WorkflowInstanceId { get; set; }

    public string ActivityId { get; set; } = "";

    public string Title { get; set; } = "";

    public string? ContentItemId { get; set; }

    public string? ContentType { get; set; }

    public string? Owner { get; set; }

    public string? BranchId { get; set; }

    /// <summary>"|CommitteeAdmin|BranchSecretary|": matched with LIKE in the inbox query.</summary>
    public string Roles { get; set; } = "||";

    /// <summary>The actions (outcomes) offered, one per line.</summary>
    public string Actions { get; set; } = "";

    /// <summary>The actions that need a comment, one per line.</summary>
    public string CommentRequiredFor { get; set; } = "";

    public WorkflowTaskStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? DecidedBy { get; set; }

    public string? Outcome { get; set; }

    public string? Comment { get; set; }

    public IReadOnlyList<string> ActionList => Actions.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public bool NeedsComment(string action) => CommentRequiredFor.Split('\n', StringSplitOptions.RemoveEmptyEntries).Contains(action, StringComparer.Ordinal);

    public static string RoleList(IEnumerable<string> roles) => "|" + string.Join("|", roles) + "|";
}

internal static class WorkflowModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowTypeRecord>(e =>
        {
            e.ToTable("WorkflowTypes");
            e.HasKey(x => x.Id);
            e.Property(x => x.WorkflowTypeId).HasMaxLength(64).IsRequired();
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.Definition).IsRequired();
            e.HasIndex(x => x.WorkflowTypeId).IsUnique();
        });
        modelBuilder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(x => x.Id);
            e.Property(x => x.WorkflowId).HasMaxLength(64).IsRequired();
            e.Property(x => x.WorkflowTypeId).HasMaxLength(64).IsRequired();
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.Property(x => x.BranchId).HasMaxLength(64);
            e.Property(x => x.Owner).HasMaxLength(256);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.BlockingActivities).IsRequired();
            e.Property(x => x.State).IsRequired();
            e.Property(x => x.FaultMessage).HasMaxLength(4000);
            e.Property(x => x.FaultedActivityId).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.WorkflowId).IsUnique();
            e.HasIndex(x => new { x.CorrelationId, x.Status });
            e.HasIndex(x => new { x.WorkflowTypeId, x.Status });
        });
        modelBuilder.Entity<WorkflowJournalEntry>(e =>
        {
            e.ToTable("WorkflowJournal");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActivityId).HasMaxLength(64).IsRequired();
            e.Property(x => x.ActivityName).HasMaxLength(100).IsRequired();
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Outcome).HasMaxLength(100);
            e.Property(x => x.Comment).HasMaxLength(4000);
            e.HasOne<WorkflowInstance>().WithMany(x => x.Journal).HasForeignKey(x => x.WorkflowInstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WorkflowTask>(e =>
        {
            e.ToTable("WorkflowTasks");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActivityId).HasMaxLength(64).IsRequired();
            e.Property(x => x.Title).HasMaxLength(300).IsRequired();
            e.Property(x => x.ContentItemId).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Owner).HasMaxLength(256);
            e.Property(x => x.BranchId).HasMaxLength(64);
            e.Property(x => x.Roles).HasMaxLength(500).IsRequired();
            e.Property(x => x.Actions).HasMaxLength(500).IsRequired();
            e.Property(x => x.CommentRequiredFor).HasMaxLength(500).IsRequired();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.Outcome).HasMaxLength(100);
            e.Property(x => x.Comment).HasMaxLength(WorkflowTask.MaxCommentLength);
            e.Ignore(x => x.ActionList);
            e.HasIndex(x => new { x.Status, x.BranchId });
            e.HasIndex(x => x.Owner);
            e.HasIndex(x => x.ContentItemId);
            e.HasOne<WorkflowInstance>().WithMany(x => x.Tasks).HasForeignKey(x => x.WorkflowInstanceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
