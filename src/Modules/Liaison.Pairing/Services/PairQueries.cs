using Liaison.Organization.Contracts;
using Liaison.Pairing.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Pairing.Services;

/// <summary>A member's confirmed partner in a term, with what a member's own page shows of them.</summary>
public sealed record PartnerInfo(
    int PairId, int PersonId, string Name, PersonKind Kind, string Number, string? UnitName, string? Post, string? Subject, string? Grade,
    string? ClassName, DateTime? ConfirmedUtc);

/// <summary>
/// Read access to pairs for other modules (the member's 我的联系工作 page). It does not scope by user: the caller
/// asks only for the member it has already scoped to (the signed-in member, or one the user manages).
/// </summary>
public sealed class PairQueries(LiaisonDbContext db, IRosterQueries roster)
{
    /// <summary>The member's confirmed partners in the term (e.g. <c>ISchoolClock.Term.Key</c>), by 学号/工号.</summary>
    public async Task<IReadOnlyList<PartnerInfo>> PartnersOfAsync(int memberId, string term)
        => await (from p in db.Set<Pair>().AsNoTracking()
                  join person in roster.Persons() on p.PersonId equals person.Id
                  where p.MemberId == memberId && p.Term == term && p.Status == PairStatus.Confirmed
                  orderby person.Number, p.PersonId
                  select new PartnerInfo(
                      p.Id, p.PersonId, person.Name, person.Kind, person.Number, person.UnitName,
                      person.Post, person.Subject, person.Grade, person.ClassName, p.ConfirmedUtc))
            .ToListAsync();
}
