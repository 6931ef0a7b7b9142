using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Data;

/// <summary>
/// One look at sensitive personal data: a sensitive contact assignment opened, a phone or ID number revealed, an
/// export containing them. The committee reads and filters the log; nobody edits it.
/// </summary>
internal sealed class PersonalDataAccess
{
    public long Id { get; set; }

    public DateTime Utc { get; set; }

    public string UserName { get; set; } = "";

    /// <summary>What was done: <see cref="AccessActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The person whose data was seen, if one.</summary>
    public int? PersonId { get; set; }

    public string? PersonName { get; set; }

    /// <summary>The content item seen (a Contact), if one.</summary>
    public string? ContentItemId { get; set; }

    /// <summary>The contact category (1–4) when the record was a contact assignment.</summary>
    public int? Category { get; set; }

    /// <summary>The branch the record belongs to.</summary>
    public string? BranchId { get; set; }

    public string? Detail { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<PersonalDataAccess>(e =>
    {
        e.ToTable("PersonalDataAccessLog");
        e.HasKey(x => x.Id);
        e.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        e.Property(x => x.Action).HasMaxLength(50).IsRequired();
        e.Property(x => x.PersonName).HasMaxLength(100);
        e.Property(x => x.ContentItemId).HasMaxLength(26);
        e.Property(x => x.BranchId).HasMaxLength(26);
        e.Property(x => x.Detail).HasMaxLength(500);
        e.HasIndex(x => x.Utc);
        e.HasIndex(x => new { x.UserName, x.Utc });
        e.HasIndex(x => new { x.PersonId, x.Utc });
    });
}

