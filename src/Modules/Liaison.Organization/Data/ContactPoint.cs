using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Data;

/// <summary>A leading cadre's contact point: a grade or subject (R2), or a fixed 教研室 / 联系点 (R6).</summary>
internal sealed class ContactPoint
{
    public int Id { get; set; }

    public int MemberId { get; set; }

    public PartyMember? Member { get; set; }

    public ContactPointKind Kind { get; set; }

    /// <summary>The grade or subject, for those kinds.</summary>
    public string? Value { get; set; }

    /// <summary>The unit, for the 教研室 and 联系点 kinds.</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ContactPoint>(e =>
    {
        e.ToTable("ContactPoints");
        e.HasKey(x => x.Id);
        e.Property(x => x.Value).HasMaxLength(50);
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.MemberId, x.Kind });
    });
}

/// <summary>A cadre's visit to their 教研室 or 联系点 (R6): what was done, problems found, the follow-up.</summary>
internal sealed class CadreVisit
{
    public int Id { get; set; }

    public int MemberId { get; set; }

    public PartyMember? Member { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public DateOnly Date { get; set; }

    public string WhatWasDone { get; set; } = "";

    public string? ProblemsFound { get; set; }

    public string? FollowUp { get; set; }

    public bool FollowUpClosed { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedUtc { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<CadreVisit>(e =>
    {
        e.ToTable("CadreVisits");
        e.HasKey(x => x.Id);
        e.Property(x => x.WhatWasDone).HasMaxLength(4000).IsRequired();
        e.Property(x => x.ProblemsFound).HasMaxLength(4000);
        e.Property(x => x.FollowUp).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.MemberId, x.Date });
    });
}
