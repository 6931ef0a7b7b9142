using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Data;

/// <summary>What kind of unit of the school a <see cref="Unit"/> is.</summary>
internal enum UnitKind
{
    /// <summary>教研室 / 教研组: a teaching-research section.</summary>
    TeachingSection = 0,

    /// <summary>基层单位: a grassroots unit (年级组, 处室, 后勤 …), a cadre's 联系点.</summary>
    GrassrootsUnit = 1,
}

/// <summary>A unit of the school that staff belong to and that cadres are fixed to (R6).</summary>
internal sealed class Unit
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public UnitKind Kind { get; set; }

    /// <summary>The Party branch whose members work in this unit; its staff default to that branch.</summary>
    public string? BranchId { get; set; }

    public int SortOrder { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Unit>(e =>
    {
        e.ToTable("Units");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(100).IsRequired();
        e.Property(x => x.BranchId).HasMaxLength(26);
        e.HasIndex(x => x.Name).IsUnique();
    });
}
