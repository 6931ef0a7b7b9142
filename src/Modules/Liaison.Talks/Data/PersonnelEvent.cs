using Liaison.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.Data;

/// <summary>
/// Something that happened to a person of the roster that makes a talk mandatory (五必谈, SPEC R3): recorded by a
/// secretary or imported from the personnel office. <see cref="Kind"/> is the occasion (1–5).
/// </summary>
public sealed class PersonnelEvent
{
    public const int MaxNoteLength = 500;

    public int Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>The person's branch when recorded, for scoping.</summary>
    public string BranchId { get; set; } = "";

    public int Kind { get; set; }

    public DateOnly Date { get; set; }

    public string? Note { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedUtc { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<PersonnelEvent>(e =>
    {
        e.ToTable("PersonnelEvents");
        e.HasKey(x => x.Id);
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.Property(x => x.Note).HasMaxLength(MaxNoteLength);
        e.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        e.HasIndex(x => new { x.BranchId, x.Date });
        e.HasIndex(x => x.PersonId);
        e.ReferencesPerson(nameof(PersonId));
    });
}

/// <summary>
/// A mandatory talk that fell due for a member: with a person because of a <see cref="PersonnelEvent"/>, or with a
/// member because of another module's decision (<see cref="Source"/>, such as the feedback talk after a democratic
/// appraisal). Closed by the first talk the member records with that person or member on that occasion on or after
/// <see cref="EventDate"/>.
/// </summary>
public sealed class TalkObligation
{
    public int Id { get; set; }

    /// <summary>The personnel event; null for an obligation from another module (<see cref="Source"/>).</summary>
    public int? EventId { get; set; }

    public PersonnelEvent? Event { get; set; }

    public int MemberId { get; set; }

    /// <summary>The person to talk with; null when it is a member (<see cref="PartnerMemberId"/>).</summary>
    public int? PersonId { get; set; }

    /// <summary>The member to talk with, when not a person.</summary>
    public int? PartnerMemberId { get; set; }

    /// <summary>What made the talk due when it is not a personnel event, such as "appraisal:12".</summary>
    public string? Source { get; set; }

    /// <summary>The member's branch, for scoping.</summary>
    public string BranchId { get; set; } = "";

    public int Occasion { get; set; }

    public DateOnly EventDate { get; set; }

    public DateOnly DueDate { get; set; }

    public string? TalkContentItemId { get; set; }

    public DateOnly? ClosedDate { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<TalkObligation>(e =>
    {
        e.ToTable("TalkObligations");
        e.HasKey(x => x.Id);
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.Property(x => x.TalkContentItemId).HasMaxLength(26);
        e.Property(x => x.Source).HasMaxLength(64);
        e.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.MemberId, x.ClosedDate });
        e.HasIndex(x => new { x.BranchId, x.ClosedDate });
        e.HasIndex(x => new { x.EventId, x.MemberId }).IsUnique();
        e.ReferencesMember(nameof(MemberId));
        e.ReferencesPerson(nameof(PersonId));
        e.ReferencesMember(nameof(PartnerMemberId));
        e.HasIndex(x => new { x.Source, x.PartnerMemberId });
    });
}

/// <summary>A reminder sent: one row per item and school day, so nothing is reminded twice the same day.</summary>
public sealed class TalkReminder
{
    public long Id { get; set; }

    /// <summary>"obligation:12", "followup:{talk id}:{follow-up id}".</summary>
    public string ItemKey { get; set; } = "";

    public DateOnly Day { get; set; }

    public DateTime SentUtc { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<TalkReminder>(e =>
    {
        e.ToTable("TalkReminders");
        e.HasKey(x => x.Id);
        e.Property(x => x.ItemKey).HasMaxLength(100).IsRequired();
        e.HasIndex(x => new { x.ItemKey, x.Day }).IsUnique();
    });
}
