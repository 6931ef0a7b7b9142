using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Data;

/// <summary>A Party member (党员) of a branch, with the user account they sign in with.</summary>
internal sealed class PartyMember
{
    public int Id { get; set; }

    /// <summary>工号: the school's staff number, the key rosters are matched on.</summary>
    public string Number { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Gender { get; set; }

    /// <summary>The user account (user name); null until one is linked.</summary>
    public string? UserName { get; set; }

    /// <summary>The 党支部 (PartyBranch content item id), or the 党委 for committee members outside a branch.</summary>
    public string BranchId { get; set; } = "";

    /// <summary>The 党小组 within the branch, if any.</summary>
    public string? GroupId { get; set; }

    public DateOnly? JoinedOn { get; set; }

    /// <summary>党内职务 (支部书记, 组织委员, 党员 …).</summary>
    public string PartyPost { get; set; } = "党员";

    /// <summary>领导干部: leading cadres have grade/subject contact points and a fixed 教研室 and 联系点 (R2, R6).</summary>
    public bool IsLeadingCadre { get; set; }

    /// <summary>行政职务 of a cadre (副校长, 教务处主任 …).</summary>
    public string? CadrePost { get; set; }

    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>学科 taught, for pairing preferences and coverage.</summary>
    public string? Subject { get; set; }

    /// <summary>责任区 (R2): the area the member answers for, in the branch's words.</summary>
    public string? ResponsibilityArea { get; set; }

    public ProtectedValue Phone { get; set; } = new();

    /// <summary>False once the member has left the school or transferred out; kept for history.</summary>
    public bool Active { get; set; } = true;

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<PartyMember>(e =>
    {
        e.ToTable("PartyMembers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Number).HasMaxLength(50).IsRequired();
        e.Property(x => x.Name).HasMaxLength(100).IsRequired();
        e.Property(x => x.Gender).HasMaxLength(10);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.Property(x => x.GroupId).HasMaxLength(26);
        e.Property(x => x.PartyPost).HasMaxLength(50).IsRequired();
        e.Property(x => x.CadrePost).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(50);
        e.Property(x => x.ResponsibilityArea).HasMaxLength(500);
        e.OwnsOne(x => x.Phone, p =>
        {
            p.Property(v => v.Cipher).HasColumnName("PhoneCipher").HasMaxLength(1000);
            p.Property(v => v.Masked).HasColumnName("PhoneMasked").HasMaxLength(50);
        });
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => x.Number).IsUnique();
        e.HasIndex(x => x.UserName).IsUnique();
        e.HasIndex(x => new { x.BranchId, x.Active });
    });
}
