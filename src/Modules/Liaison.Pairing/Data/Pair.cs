using Liaison.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Pairing.Data;

/// <summary>Where a pair stands in its term.</summary>
public enum PairStatus
{
    /// <summary>Proposed by a pairing run or moved by the secretary, not yet confirmed.</summary>
    Proposed = 0,

    /// <summary>Confirmed by the secretary: the member and the person are partners for the term.</summary>
    Confirmed = 1,

    /// <summary>Ended during the term (moved, left); kept as history.</summary>
    Ended = 2,
}

/// <summary>A member–masses pair (结对, R5) of a branch in one term (学期, e.g. 2026-2027-1).</summary>
public sealed class Pair
{
    public int Id { get; set; }

    public string Term { get; set; } = "";

    public string BranchId { get; set; } = "";

    /// <summary>The member (<see cref="RosterMember.Id"/>): a foreign key into Organization's roster that restricts deletes.</summary>
    public int MemberId { get; set; }

    /// <summary>The person (<see cref="RosterPerson.Id"/>).</summary>
    public int PersonId { get; set; }

    public PairStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? ConfirmedUtc { get; set; }

    public string? ConfirmedBy { get; set; }

    public DateTime? EndedUtc { get; set; }

    public string? EndedBy { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Pair>(e =>
    {
        e.ToTable("Pairs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Term).HasMaxLength(20).IsRequired();
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        e.Property(x => x.ConfirmedBy).HasMaxLength(256);
        e.Property(x => x.EndedBy).HasMaxLength(256);
        e.ReferencesMember(nameof(MemberId));
        e.ReferencesPerson(nameof(PersonId));
        e.HasIndex(x => new { x.BranchId, x.Term, x.Status });
        e.HasIndex(x => new { x.MemberId, x.Term });
        e.HasIndex(x => new { x.PersonId, x.Term });
    });
}

/// <summary>A member and a person the secretary does not want paired (relatives, conflicts, the person asked).</summary>
public sealed class PairExclusion
{
    public int Id { get; set; }

    public string BranchId { get; set; } = "";

    /// <summary>The member (<see cref="RosterMember.Id"/>): a foreign key into Organization's roster that restricts deletes.</summary>
    public int MemberId { get; set; }

    /// <summary>The person (<see cref="RosterPerson.Id"/>).</summary>
    public int PersonId { get; set; }

    public string? Reason { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<PairExclusion>(e =>
    {
        e.ToTable("PairExclusions");
        e.HasKey(x => x.Id);
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.Property(x => x.Reason).HasMaxLength(200);
        e.ReferencesMember(nameof(MemberId));
        e.ReferencesPerson(nameof(PersonId));
        e.HasIndex(x => new { x.MemberId, x.PersonId }).IsUnique();
    });
}
