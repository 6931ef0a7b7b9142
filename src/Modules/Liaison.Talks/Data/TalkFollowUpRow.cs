using Liaison.Talks.Contracts;
using Liaison.Talks.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.Data;

/// <summary>
/// One follow-up item of a talk's latest version, with the school day it was closed: the part keeps only "closed", so
/// the day is recorded here when a save closes it (<see cref="TalkFollowUpRowsHandler"/>).
/// </summary>
public sealed class TalkFollowUpRow
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public string FollowUpId { get; set; } = "";

    public int MemberId { get; set; }

    public string BranchId { get; set; } = "";

    public DateOnly? TalkDate { get; set; }

    public bool Closed { get; set; }

    public DateOnly? ClosedDate { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<TalkFollowUpRow>(e =>
    {
        e.ToTable("TalkFollowUps");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.FollowUpId).HasMaxLength(64).IsRequired();
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.HasIndex(x => new { x.ContentItemId, x.FollowUpId }).IsUnique();
        e.HasIndex(x => new { x.MemberId, x.TalkDate });
        e.HasIndex(x => new { x.MemberId, x.ClosedDate });
        e.HasIndex(x => new { x.BranchId, x.ClosedDate });
    });
}

/// <summary>
/// Keeps <see cref="TalkFollowUpRow"/> in step with a talk's latest version, in the save's unit of work: new items are
/// added, a closing records the school day, a reopening clears it, removed items and removed talks go.
/// </summary>
internal sealed class TalkFollowUpRowsHandler(LiaisonDbContext db, ISchoolClock clock) : IContentHandler
{
    public Task CreatedAsync(ContentContext context) => SyncAsync(context.ContentItem);

    public Task UpdatedAsync(ContentContext context) => SyncAsync(context.ContentItem);

    public async Task RemovedAsync(ContentContext context)
    {
        if (context.ContentItem.Has<TalkPart>())
        {
            var id = context.ContentItem.ContentItemId;
            db.RemoveRange(await db.Set<TalkFollowUpRow>().Where(r => r.ContentItemId == id).ToListAsync());
        }
    }

    private async Task SyncAsync(ContentItem item)
    {
        if (!item.Has<TalkPart>())
        {
            return;
        }

        var part = item.As<TalkPart>();
        var rows = await db.Set<TalkFollowUpRow>().Where(r => r.ContentItemId == item.ContentItemId).ToDictionaryAsync(r => r.FollowUpId);
        var items = part.FollowUps.Where(f => f.Id is { Length: > 0 and <= 64 }).DistinctBy(f => f.Id).ToList();
        foreach (var followUp in items)
        {
            if (!rows.Remove(followUp.Id, out var row))
            {
                row = new TalkFollowUpRow { ContentItemId = item.ContentItemId, FollowUpId = followUp.Id };
                db.Add(row);
            }

            row.MemberId = part.MemberId;
            row.BranchId = part.BranchId ?? "";
            row.TalkDate = part.Date;
            if (followUp.Closed != row.Closed || (followUp.Closed && row.ClosedDate is null))
            {
                row.ClosedDate = followUp.Closed ? clock.Today : null;
            }

            row.Closed = followUp.Closed;
        }

        db.RemoveRange(rows.Values);
    }
}

/// <summary><see cref="ITalkFollowUpRecords"/> over <see cref="TalkFollowUpRow"/>.</summary>
internal sealed class TalkFollowUpRecords(LiaisonDbContext db) : ITalkFollowUpRecords
{
    public IQueryable<TalkFollowUpRecord> FollowUps() => db.Set<TalkFollowUpRow>().Select(r => new TalkFollowUpRecord
    {
        ContentItemId = r.ContentItemId,
        MemberId = r.MemberId,
        BranchId = r.BranchId,
        TalkDate = r.TalkDate,
        Closed = r.Closed,
        ClosedDate = r.ClosedDate,
    });
}
