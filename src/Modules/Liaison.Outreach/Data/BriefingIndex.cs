using Liaison.Outreach.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Outreach.Data;

/// <summary>A briefing's audience per latest and published version, so "staff only" is a query, not a JSON scan.</summary>
public sealed class BriefingIndex : MapIndex
{
    public string ContentItemId { get; set; } = "";

    public bool SignedInOnly { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<BriefingIndex>(e =>
    {
        e.ToTable("BriefingIndex");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.HasIndex(x => x.ContentItemVersionId);
        e.HasIndex(x => new { x.Published, x.SignedInOnly });
    });
}

internal sealed class BriefingIndexProvider : IndexProvider<BriefingIndex>
{
    public override IEnumerable<BriefingIndex> Map(ContentItem item)
        => (item.Published || item.Latest) && item.Has<BriefingPart>()
            ? [new BriefingIndex
            {
                ContentItemId = item.ContentItemId,
                SignedInOnly = item.As<BriefingPart>().Audience == BriefingAudiences.SignedIn,
                Published = item.Published,
                Latest = item.Latest,
            }]
            : [];
}

/// <summary>Briefings for staff only are read by signed-in users alone (the kernel's rule for public content).</summary>
internal sealed class StaffOnlyBriefings(LiaisonDbContext db) : ISignedInOnlyContent
{
    public IQueryable<string> PublishedItemIds()
        => db.Set<BriefingIndex>().Where(b => b.Published && b.SignedInOnly).Select(b => b.ContentItemId);
}
