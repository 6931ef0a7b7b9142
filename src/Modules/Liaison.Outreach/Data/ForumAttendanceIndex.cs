using Liaison.Outreach.Contracts;
using Liaison.Outreach.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Outreach.Data;

/// <summary>A forum's host and attending members, one row each, per latest and published version.</summary>
public sealed class ForumAttendanceIndex : MapIndex
{
    public string ContentItemId { get; set; } = "";

    public int MemberId { get; set; }

    public string BranchId { get; set; } = "";

    public DateOnly? Date { get; set; }

    public bool Host { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ForumAttendanceIndex>(e =>
    {
        e.ToTable("ForumAttendanceIndex");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.HasIndex(x => x.ContentItemVersionId);
        e.HasIndex(x => new { x.MemberId, x.Latest, x.Date });
        e.HasIndex(x => new { x.BranchId, x.Latest, x.Date });
    });
}

internal sealed class ForumAttendanceIndexProvider : IndexProvider<ForumAttendanceIndex>
{
    public override IEnumerable<ForumAttendanceIndex> Map(ContentItem item)
    {
        if (!(item.Published || item.Latest) || !item.Has<ForumPart>())
        {
            return [];
        }

        var forum = item.As<ForumPart>();
        return new[] { forum.HostMemberId }.Concat(forum.AttendingMemberIds).Where(id => id > 0).Distinct()
            .Select(id => new ForumAttendanceIndex
            {
                ContentItemId = item.ContentItemId,
                MemberId = id,
                BranchId = forum.BranchId ?? "",
                Date = forum.Date,
                Host = id == forum.HostMemberId,
                Published = item.Published,
                Latest = item.Latest,
            }).ToList();
    }
}

/// <summary><see cref="IForumRecords"/> over the latest rows of <see cref="ForumAttendanceIndex"/>.</summary>
internal sealed class ForumRecords(LiaisonDbContext db) : IForumRecords
{
    public IQueryable<ForumAttendanceRecord> Attendance() => db.Set<ForumAttendanceIndex>().Where(x => x.Latest).Select(x => new ForumAttendanceRecord
    {
        ContentItemId = x.ContentItemId,
        MemberId = x.MemberId,
        BranchId = x.BranchId,
        Date = x.Date,
        Host = x.Host,
    });
}
