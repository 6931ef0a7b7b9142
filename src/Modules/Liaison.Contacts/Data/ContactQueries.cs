using Liaison.Contacts.Contracts;
using LiaisonSite.Core.Data;

namespace Liaison.Contacts.Data;

/// <summary>The latest version of each assignment, in the contract's shape.</summary>
internal sealed class ContactQueries(LiaisonDbContext db) : IContactQueries
{
    public IQueryable<ContactRow> Contacts() => db.Set<ContactIndex>()
        .Where(x => x.Latest)
        .Select(x => new ContactRow
        {
            ContentItemId = x.ContentItemId, MemberId = x.MemberId, PersonId = x.PersonId, Category = x.Category,
            Sensitive = x.Sensitive, BranchId = x.BranchId, StartDate = x.StartDate, EndDate = x.EndDate,
        });
}
