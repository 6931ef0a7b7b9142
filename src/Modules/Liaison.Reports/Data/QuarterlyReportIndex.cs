using Liaison.Organization.Contracts;
using Liaison.Reports.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Reports.Data;

/// <summary>
/// Whose report of which quarter, per latest and published version, with the branch for scoping. One report per
/// member and quarter: the unique index over the latest rows holds it (the handler says so first, in words).
/// </summary>
public sealed class QuarterlyReportIndex : MapIndex
{
    public string ContentItemId { get; set; } = "";

    public int MemberId { get; set; }

    public string BranchId { get; set; } = "";

    public string Quarter { get; set; } = "";

    /// <summary>When it was first handed in; null while it never was (a draft).</summary>
    public DateTime? FirstSubmittedUtc { get; set; }

    /// <summary>How often it was handed in (see <see cref="ReportStates"/>).</summary>
    public int HandIns { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<QuarterlyReportIndex>(e =>
    {
        e.ToTable("QuarterlyReportIndex");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.Property(x => x.Quarter).HasMaxLength(7).IsRequired();
        e.HasIndex(x => x.ContentItemVersionId);
        e.HasIndex(x => x.ContentItemId);
        e.HasIndex(x => new { x.MemberId, x.Quarter }).IsUnique().HasFilter("\"Latest\"")
            .HasDatabaseName("IX_QuarterlyReportIndex_MemberId_Quarter_Latest");
        e.HasIndex(x => new { x.BranchId, x.Quarter, x.Latest });
    });
}

internal sealed class QuarterlyReportIndexProvider : IndexProvider<QuarterlyReportIndex>
{
    public override IEnumerable<QuarterlyReportIndex> Map(ContentItem item)
    {
        if (!(item.Published || item.Latest) || !item.Has<QuarterlyReportPart>())
        {
            return [];
        }

        var part = item.As<QuarterlyReportPart>();
        return
        [
            new QuarterlyReportIndex
            {
                ContentItemId = item.ContentItemId,
                MemberId = part.MemberId,
                BranchId = part.BranchId ?? "",
                Quarter = part.Quarter,
                FirstSubmittedUtc = part.FirstSubmittedUtc,
                HandIns = part.HandIns,
                Published = item.Published,
                Latest = item.Latest,
            },
        ];
    }
}

/// <summary>A member with reports is deactivated rather than deleted.</summary>
internal sealed class ReportRosterReferences(LiaisonDbContext db) : IRosterReferences
{
    public Task<bool> IsMemberReferencedAsync(int id) => db.Set<QuarterlyReportIndex>().AnyAsync(r => r.MemberId == id);

    public Task<bool> IsPersonReferencedAsync(int id) => Task.FromResult(false);
}
