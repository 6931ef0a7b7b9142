using Liaison.Notices.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Notices.Data;

/// <summary>
/// The period and state of the latest and published versions of each notice, for the public list, the closing job
/// and the branch scope of objections, without reading JSON.
/// </summary>
public sealed class NoticeIndex : MapIndex
{
    public string ContentItemId { get; set; } = "";

    public string Kind { get; set; } = "";

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public bool Closed { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }

    /// <summary>The PartyBranch the notice concerns, or null for a committee-wide notice.</summary>
    public string? BranchContentItemId { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<NoticeIndex>(e =>
    {
        e.ToTable("NoticeIndex");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.Kind).HasMaxLength(50).IsRequired();
        e.Property(x => x.BranchContentItemId).HasMaxLength(26);
        e.HasIndex(x => x.ContentItemVersionId);
        e.HasIndex(x => new { x.Published, x.Closed, x.EndUtc });
        e.HasIndex(x => x.ContentItemId);
    });
}

internal sealed class NoticeIndexProvider : IndexProvider<NoticeIndex>
{
    public override IEnumerable<NoticeIndex> Map(ContentItem item)
    {
        if (!(item.Published || item.Latest) || !item.Has<PublicNoticePart>())
        {
            return [];
        }

        var part = item.As<PublicNoticePart>();
        return
        [
            new NoticeIndex
            {
                ContentItemId = item.ContentItemId,
                Kind = part.Kind ?? "",
                StartUtc = Utc(part.StartUtc),
                EndUtc = Utc(part.EndUtc),
                Closed = part.ClosedUtc is not null,
                Published = item.Published,
                Latest = item.Latest,
                BranchContentItemId = string.IsNullOrEmpty(part.Branch) ? null : part.Branch,
            },
        ];
    }

    // PostgreSQL stores timestamptz and refuses a DateTime that does not say it is UTC.
    private static DateTime Utc(DateTime? value) => value?.Kind == DateTimeKind.Local
        ? value.Value.ToUniversalTime()
        : DateTime.SpecifyKind(value ?? DateTime.MinValue, DateTimeKind.Utc);
}
