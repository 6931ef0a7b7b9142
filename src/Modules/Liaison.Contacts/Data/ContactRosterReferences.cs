using Liaison.Organization.Contracts;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Contacts.Data;

/// <summary>A member or person named in any contact assignment, running or ended, is kept (deactivated, not deleted).</summary>
internal sealed class ContactRosterReferences(LiaisonDbContext db) : IRosterReferences
{
    public Task<bool> IsMemberReferencedAsync(int memberId)
        => db.Set<ContactIndex>().AnyAsync(c => c.MemberId == memberId);

    public Task<bool> IsPersonReferencedAsync(int personId)
        => db.Set<ContactIndex>().AnyAsync(c => c.PersonId == personId);
}
