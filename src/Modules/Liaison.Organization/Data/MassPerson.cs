using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Data;

/// <summary>
/// A person of the masses roster (群众: staff and students who are not Party members), whom members contact and
/// pair with. Everything here is personal data: it is never shown on public pages.
/// </summary>
internal sealed class MassPerson
{
    public int Id { get; set; }

    public PersonKind Kind { get; set; }

    /// <summary>工号 for staff, 学号 for students; unique within the kind.</summary>
    public string Number { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Gender { get; set; }

    /// <summary>Staff: the department or 教研室 they work in.</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>Staff: 岗位 / 职务.</summary>
    public string? Post { get; set; }

    /// <summary>Staff: 学科 taught.</summary>
    public string? Subject { get; set; }

    /// <summary>Students: 年级 (高一, 初二 …).</summary>
    public string? Grade { get; set; }

    /// <summary>Students: 班级.</summary>
    public string? ClassName { get; set; }

    /// <summary>The branch whose members contact and pair with this person.</summary>
    public string? BranchId { get; set; }

    public ProtectedValue Phone { get; set; } = new();

    public ProtectedValue IdNumber { get; set; } = new();

    public bool Active { get; set; } = true;

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<MassPerson>(e =>
    {
        e.ToTable("MassPersons");
        e.HasKey(x => x.Id);
        e.Property(x => x.Number).HasMaxLength(50).IsRequired();
        e.Property(x => x.Name).HasMaxLength(100).IsRequired();
        e.Property(x => x.Gender).HasMaxLength(10);
        e.Property(x => x.Post).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(50);
        e.Property(x => x.Grade).HasMaxLength(50);
        e.Property(x => x.ClassName).HasMaxLength(50);
        e.Property(x => x.BranchId).HasMaxLength(26);
        e.OwnsOne(x => x.Phone, p =>
        {
            p.Property(v => v.Cipher).HasColumnName("PhoneCipher").HasMaxLength(1000);
            p.Property(v => v.Masked).HasColumnName("PhoneMasked").HasMaxLength(50);
        });
        e.OwnsOne(x => x.IdNumber, p =>
        {
            p.Property(v => v.Cipher).HasColumnName("IdNumberCipher").HasMaxLength(1000);
            p.Property(v => v.Masked).HasColumnName("IdNumberMasked").HasMaxLength(50);
        });
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.Kind, x.Number }).IsUnique();
        e.HasIndex(x => new { x.BranchId, x.Active });
    });
}
