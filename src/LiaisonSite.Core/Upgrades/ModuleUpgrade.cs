using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Core.Upgrades;

/// <summary>A step a database has had: one row per module and step number.</summary>
public sealed class ModuleUpgrade
{
    public string Module { get; set; } = "";

    public int Number { get; set; }

    public string Description { get; set; } = "";

    public DateTime AppliedUtc { get; set; }

    /// <summary>Recorded without running: the site had what the step does from its setup before module upgrades existed.</summary>
    public bool Baseline { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ModuleUpgrade>(e =>
    {
        e.ToTable("ModuleUpgrades");
        e.HasKey(x => new { x.Module, x.Number });
        e.Property(x => x.Module).HasMaxLength(100);
        e.Property(x => x.Description).HasMaxLength(200).IsRequired();
    });
}
