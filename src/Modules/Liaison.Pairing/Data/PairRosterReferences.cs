using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Pairing.Data;

/// <summary>
/// Pairs are history kept per term: a member or person who was ever paired (or excluded) is deactivated rather than
/// deleted (the foreign keys restrict deletes), so a past term's pairs stay.
/// </summary>
internal sealed class PairRosterReferences(LiaisonDbContext db) : IRosterReferences
{
    public async Task<bool> IsMemberReferencedAsync(int memberId)
        => await db.Set<Pair>().AnyAsync(p => p.MemberId == memberId)
            || await db.Set<PairExclusion>().AnyAsync(e => e.MemberId == memberId);

    public async Task<bool> IsPersonReferencedAsync(int personId)
        => await db.Set<Pair>().AnyAsync(p => p.PersonId == personId)
            || await db.Set<PairExclusion>().AnyAsync(e => e.PersonId == personId);
}
