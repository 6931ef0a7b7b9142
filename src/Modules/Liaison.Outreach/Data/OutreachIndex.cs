using Liaison.Organization.Contracts;
using Liaison.Outreach.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Outreach.Data;

/// <summary>Forums and reception days per latest and published version: type, branch, member, date, open items.</summary>
public sealed class OutreachIndex : MapIndex, IBranchMemberRow
{
    public string ContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string BranchId { get; set; } = "";

    /// <summary>The forum's host or the reception day's cadre.</summary>
    public int MemberId { get; set; }

    public DateOnly? Date { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? Place { get; set; }

    public int OpenItems { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<OutreachIndex>(e =>
    {
        e.ToTable("OutreachIndex");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentType).HasMaxLength(64).IsRequired();
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.Property(x => x.StartTime).HasMaxLength(5);
        e.Property(x => x.EndTime).HasMaxLength(5);
        e.Property(x => x.Place).HasMaxLength(OutreachLimits.Place);
        e.HasIndex(x => x.ContentItemVersionId);
        e.HasIndex(x => x.ContentItemId);
        e.HasIndex(x => new { x.ContentType, x.Published, x.Date });
        e.HasIndex(x => new { x.BranchId, x.Latest });
        e.HasIndex(x => new { x.MemberId, x.Latest });
    });
}

internal sealed class OutreachIndexProvider : IndexProvider<OutreachIndex>
{
    public override IEnumerable<OutreachIndex> Map(ContentItem item)
    {
        if (!(item.Published || item.Latest))
        {
            return [];
        }

        if (item.Has<ForumPart>())
        {
            var f = item.As<ForumPart>();
            return [Row(item, f.BranchId, f.HostMemberId, f.Date, null, null, null, f.Opinions)];
        }

        if (item.Has<ReceptionDayPart>())
        {
            var r = item.As<ReceptionDayPart>();
            return [Row(item, r.BranchId, r.CadreMemberId, r.Date, r.StartTime, r.EndTime, r.Place, r.Concerns)];
        }

        return [];
    }

    private static OutreachIndex Row(ContentItem item, string? branch, int member, DateOnly? date, string? start, string? end, string? place,
        List<OutreachItem> items) => new()
    {
        ContentItemId = item.ContentItemId, ContentType = item.ContentType, BranchId = branch ?? "", MemberId = member, Date = date,
        StartTime = start, EndTime = end, Place = place, OpenItems = items.Count(i => !i.Closed),
        Published = item.Published, Latest = item.Latest,
    };
}
