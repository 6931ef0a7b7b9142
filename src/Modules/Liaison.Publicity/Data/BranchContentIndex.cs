using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Publicity.Data;

/// <summary>
/// Which party branch a published public item (news, typical example) belongs to, so that public lists filter
/// by branch without reading JSON. One row per branch picked in the item's "Branch" field.
/// </summary>
public sealed class BranchContentIndex : MapIndex
{
    public string ContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string BranchContentItemId { get; set; } = "";

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<BranchContentIndex>(e =>
    {
        e.ToTable("BranchContentIndex");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentType).HasMaxLength(255).IsRequired();
        e.Property(x => x.BranchContentItemId).HasMaxLength(26).IsRequired();
        e.HasIndex(x => x.ContentItemVersionId);
        e.HasIndex(x => new { x.BranchContentItemId, x.ContentType });
    });
}
