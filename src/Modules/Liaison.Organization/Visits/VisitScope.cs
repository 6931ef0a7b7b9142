using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;

namespace Liaison.Organization.Visits;

/// <summary>
/// Which cadre visits a user sees, in the query: the committee all, a secretary their branch's cadres', and a
/// cadre their own. Nobody else sees any.
/// </summary>
internal sealed class VisitScope(LiaisonDbContext db)
{
    public IQueryable<CadreVisit> Visible(UserScope scope)
    {
        var visits = db.Set<CadreVisit>().AsQueryable();
        if (scope.AllBranches)
        {
            return visits;
        }

        var branches = scope.BranchIds.ToList();
        var own = scope.Member?.Id ?? 0;
        return visits.Where(v => v.MemberId == own || branches.Contains(v.Member!.BranchId));
    }

    /// <summary>The 教研室 and 联系点 the cadre is fixed to: the only units they record visits to.</summary>
    public IQueryable<Unit> OwnUnits(UserScope scope)
    {
        var own = scope.Member is { IsLeadingCadre: true } member ? member.Id : 0;
        return db.Set<ContactPoint>()
            .Where(p => p.MemberId == own && p.UnitId != null
                && (p.Kind == ContactPointKind.TeachingSection || p.Kind == ContactPointKind.GrassrootsUnit))
            .Select(p => p.Unit!);
    }
}
