using Liaison.Talks.Contracts;
using LiaisonSite.Core.Data;

namespace Liaison.Talks.Data;

/// <summary>Talks' published records for counting (<see cref="ITalkRecords"/>): projections of the index tables.</summary>
internal sealed class TalkRecords(LiaisonDbContext db) : ITalkRecords
{
    public IQueryable<TalkRecord> Talks() => db.Set<TalkIndex>().Where(t => t.Latest).Select(t => new TalkRecord
    {
        ContentItemId = t.ContentItemId,
        MemberId = t.MemberId,
        PersonId = t.PersonId,
        BranchId = t.BranchId,
        Date = t.Date,
        Occasion = t.Occasion,
        OpenFollowUps = t.OpenFollowUps,
    });

    public IQueryable<MandatoryTalkRecord> MandatoryTalks() => db.Set<TalkObligation>().Select(o => new MandatoryTalkRecord
    {
        Id = o.Id,
        MemberId = o.MemberId,
        BranchId = o.BranchId,
        Occasion = o.Occasion,
        EventDate = o.EventDate,
        DueDate = o.DueDate,
        ClosedDate = o.ClosedDate,
    });
}
