using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Talks.Data;

/// <summary>A member or person named in a talk or a personnel event is kept (deactivated, not deleted).</summary>
internal sealed class TalkRosterReferences(LiaisonDbContext db) : IRosterReferences
{
    public async Task<bool> IsMemberReferencedAsync(int memberId)
        => await db.Set<TalkIndex>().AnyAsync(t => t.MemberId == memberId)
            || await db.Set<TalkObligation>().AnyAsync(o => o.MemberId == memberId);

    public async Task<bool> IsPersonReferencedAsync(int personId)
        => await db.Set<TalkIndex>().AnyAsync(t => t.PersonId == personId)
            || await db.Set<PersonnelEvent>().AnyAsync(e => e.PersonId == personId);
}
