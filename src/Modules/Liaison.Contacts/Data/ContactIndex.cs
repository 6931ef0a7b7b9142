using Liaison.Organization.Contracts;
using Liaison.Contacts.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.Data;

/// <summary>
/// Who contacts whom, per latest and published version of each Contact, with the branch of the member so that
/// member, branch and committee scoping is a query over this table.
/// </summary>
public sealed class ContactIndex : MapIndex, IBranchMemberRow
{
    public string ContentItemId { get; set; } = "";

    public int MemberId { get; set; }

    public int PersonId { get; set; }

    public int Category { get; set; }

    public bool Sensitive { get; set; }

    /// <summary>The member's branch when the version was saved.</summary>
    public string BranchId { get; set; } = "";

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ContactIndex>(e =>
    {
        e.ToTable("ContactIndex");
        e.HasKey(x => x.Id);
        e.Property(x => x.ContentItemVersionId).HasMaxLength(26).IsRequired();
        e.Property(x => x.ContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.BranchId).HasMaxLength(26).IsRequired();
        e.HasIndex(x => x.ContentItemVersionId);
        e.HasIndex(x => new { x.MemberId, x.Latest });
        e.HasIndex(x => new { x.BranchId, x.Latest });
        e.HasIndex(x => new { x.PersonId, x.Latest });
        e.HasIndex(x => x.ContentItemId);
    });
}

internal sealed class ContactIndexProvider : IndexProvider<ContactIndex>
{
    public override IEnumerable<ContactIndex> Map(ContentItem item)
    {
        if (!(item.Published || item.Latest) || !item.Has<ContactPart>())
        {
            return [];
        }

        var part = item.As<ContactPart>();
        return
        [
            new ContactIndex
            {
                ContentItemId = item.ContentItemId,
                MemberId = part.MemberId,
                PersonId = part.PersonId,
                Category = part.Category,
                Sensitive = ContactCategories.IsSensitive(part.Category),
                BranchId = part.BranchId ?? "",
                StartDate = part.StartDate,
                EndDate = part.EndDate,
                Published = item.Published,
                Latest = item.Latest,
            },
        ];
    }
}
