using Liaison.Organization.Contracts;
using Liaison.Talks.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.Data;

/// <summary>Who talked with whom and when, per latest and published version, with the member's branch for scoping.</summary>
public sealed class TalkIndex : MapIndex, IBranchMemberRow
{
    public string ContentItemId { get; set; } = "";

    public int MemberId { get; set; }

    /// <summary>0 when the talk was with a member.</summary>
    public int PersonId { get; set; }

    /// <summary>The member talked with, when not a person.</summary>
    public int? PartnerMemberId { get; set; }

    public string BranchId { get; set; } = "";

    public DateOnly? Date { get; set; }

    public int Occasion { get; set; }

    /// <summary>The person is the member's contact target of category 2 or 4: every view is audited.</summary>
    public bool Sensitive { get; set; }

    public int OpenFollowUps { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<TalkIndex>(e =>
    {
        e.ToTable("TalkIndex");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.HasIndex(x => x.ContentItemVersionId);
        e.HasIndex(x => x.ContentItemId);
        e.HasIndex(x => new { x.MemberId, x.Latest });
        // A branch's talks by date, holding what the report figures and the inspections count, so that a half-year
        // of every branch is counted from the index alone (with (BranchId, Latest) the committee's side-by-side view
        // read each of 200,000 talk rows to test its date: 0.7-1 s a query, seven queries).
        e.HasIndex(x => new { x.BranchId, x.Date, x.Latest, x.MemberId, x.Occasion, x.PersonId, x.OpenFollowUps }, "IX_TalkIndex_BranchByDate");
        e.HasIndex(x => new { x.PersonId, x.Latest });
        e.HasIndex(x => new { x.PartnerMemberId, x.Latest });
    });
}

internal sealed class TalkIndexProvider : IndexProvider<TalkIndex>
{
    public override IEnumerable<TalkIndex> Map(ContentItem item)
    {
        if (!(item.Published || item.Latest) || !item.Has<TalkPart>())
        {
            return [];
        }

        var part = item.As<TalkPart>();
        return
        [
            new TalkIndex
            {
                ContentItemId = item.ContentItemId,
                MemberId = part.MemberId,
                PersonId = part.PersonId,
                PartnerMemberId = part.PartnerMemberId,
                BranchId = part.BranchId ?? "",
                Date = part.Date,
                Occasion = part.Occasion,
                Sensitive = part.ContactCategory is 2 or 4,
                OpenFollowUps = part.FollowUps.Count(f => !f.Closed),
                Published = item.Published,
                Latest = item.Latest,
            },
        ];
    }
}
