using Liaison.Organization.Contracts;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;

namespace Liaison.Organization.Services;

/// <summary><see cref="IVisitRecords"/> over <c>CadreVisits</c>, with the cadre's branch.</summary>
internal sealed class VisitRecords(LiaisonDbContext db) : IVisitRecords
{
    public IQueryable<VisitRecord> Visits() => db.Set<CadreVisit>().Select(v => new VisitRecord
    {
        Id = v.Id,
        MemberId = v.MemberId,
        BranchId = v.Member!.BranchId,
        Date = v.Date,
    });
}
