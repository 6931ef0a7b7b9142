using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Services;

/// <summary>The organization's own references: cadre contact points and visits, and the access log.</summary>
internal sealed class OrganizationReferences(LiaisonDbContext db) : IRosterReferences
{
    public async Task<bool> IsMemberReferencedAsync(int memberId)
        => await db.Set<ContactPoint>().AnyAsync(p => p.MemberId == memberId)
            || await db.Set<CadreVisit>().AnyAsync(v => v.MemberId == memberId);

    public Task<bool> IsPersonReferencedAsync(int personId)
        => db.Set<PersonalDataAccess>().AnyAsync(a => a.PersonId == personId);
}
