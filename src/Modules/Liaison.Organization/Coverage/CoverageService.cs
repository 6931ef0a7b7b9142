using Liaison.Organization.Data;
using Liaison.Organization.Services;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Organization.Coverage;

/// <summary>A grade, subject or unit and the leading cadres whose contact points cover it (none: uncovered).</summary>
internal sealed record CoverageItem(string Name, int People, IReadOnlyList<string> Cadres)
{
    public bool Covered => Cadres.Count > 0;
}

internal sealed record CoverageReport(IReadOnlyList<CoverageItem> Grades, IReadOnlyList<CoverageItem> Subjects,
    IReadOnlyList<CoverageItem> TeachingSections, IReadOnlyList<CoverageItem> GrassrootsUnits)
{
    public int Uncovered => Grades.Concat(Subjects).Concat(TeachingSections).Concat(GrassrootsUnits).Count(i => !i.Covered);
}

/// <summary>
/// R2 coverage: which grades (from the students), subjects (from staff and members) and units nobody covers.
/// The items come from the user's scope (a secretary: their branch's people and units); the covering cadres are
/// any active leading cadre, since cadres usually sit in the committee rather than the branch.
/// </summary>
internal sealed class CoverageService(LiaisonDbContext db, OrganizationScope organizations)
{
    public async Task<CoverageReport> BuildAsync(UserScope scope)
    {
        var points = await db.Set<ContactPoint>().AsNoTracking()
            .Where(p => p.Member!.Active && p.Member.IsLeadingCadre)
            .Select(p => new { p.Kind, p.Value, p.UnitId, p.Member!.Name })
            .ToListAsync();
        IReadOnlyList<string> Cadres(ContactPointKind kind, string? value, int? unitId) =>
            [.. points.Where(p => p.Kind == kind && (unitId is null ? p.Value == value : p.UnitId == unitId)).Select(p => p.Name).Distinct().Order()];

        var persons = organizations.ManagedPersons(scope).Where(p => p.Active);
        var grades = await persons.Where(p => p.Kind == PersonKind.Student && p.Grade != null)
            .GroupBy(p => p.Grade!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var staffSubjects = await persons.Where(p => p.Kind == PersonKind.Staff && p.Subject != null)
            .GroupBy(p => p.Subject!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var memberSubjects = await organizations.ManagedMembers(scope).Where(m => m.Active && m.Subject != null)
            .GroupBy(m => m.Subject!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var branches = scope.BranchIds.ToList();
        var units = await db.Set<Unit>().AsNoTracking()
            .Where(u => scope.AllBranches || (u.BranchId != null && branches.Contains(u.BranchId)))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new
            {
                u.Id, u.Name, u.Kind,
                People = db.Set<MassPerson>().Count(p => p.UnitId == u.Id && p.Active) + db.Set<PartyMember>().Count(m => m.UnitId == u.Id && m.Active),
            })
            .ToListAsync();

        var subjects = staffSubjects.Concat(memberSubjects).GroupBy(s => s.Key).Select(g => new { g.Key, Count = g.Sum(s => s.Count) });
        return new CoverageReport(
            [.. grades.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CoverageItem(g.Key, g.Count, Cadres(ContactPointKind.Grade, g.Key, null)))],
            [.. subjects.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new CoverageItem(s.Key, s.Count, Cadres(ContactPointKind.Subject, s.Key, null)))],
            [.. units.Where(u => u.Kind == UnitKind.TeachingSection).Select(u => new CoverageItem(u.Name, u.People, Cadres(ContactPointKind.TeachingSection, null, u.Id)))],
            [.. units.Where(u => u.Kind == UnitKind.GrassrootsUnit).Select(u => new CoverageItem(u.Name, u.People, Cadres(ContactPointKind.GrassrootsUnit, null, u.Id)))]);
    }
}
