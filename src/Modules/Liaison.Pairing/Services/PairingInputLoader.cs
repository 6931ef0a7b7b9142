using Liaison.Organization.Contracts;
using Liaison.Pairing.Data;
using Liaison.Pairing.Planning;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Pairing.Services;

/// <summary>
/// Reads what a pairing run of a branch and term depends on: its active members (with the units, subjects and
/// grades they are close to), its active masses, the term's confirmed pairs and the branch's exclusions.
/// </summary>
public sealed class PairingInputLoader(LiaisonDbContext db, IRosterQueries roster)
{
    private const string GradeGroupSuffix = "年级组";

    public async Task<PairingInput> LoadAsync(string branchId, string term)
    {
        var members = await roster.Members()
            .Where(m => m.BranchId == branchId && m.Active).OrderBy(m => m.Id).ToListAsync();
        var memberIds = members.Select(m => m.Id).ToList();
        var points = await roster.ContactPoints().Where(c => memberIds.Contains(c.MemberId)).ToListAsync();
        var unitNames = await roster.Units().ToDictionaryAsync(u => u.Id, u => u.Name);
        var persons = await roster.Persons()
            .Where(p => p.BranchId == branchId && p.Active).OrderBy(p => p.Id)
            .Select(p => new PairingPerson(p.Id, p.UnitId, p.Subject, p.Grade)).ToListAsync();
        var kept = await db.Set<Pair>().AsNoTracking()
            .Where(p => p.BranchId == branchId && p.Term == term && p.Status == PairStatus.Confirmed)
            .OrderBy(p => p.Id).Select(p => new MemberPerson(p.MemberId, p.PersonId)).ToListAsync();
        var exclusions = await db.Set<PairExclusion>().AsNoTracking()
            .Where(x => x.BranchId == branchId).OrderBy(x => x.Id).Select(x => new MemberPerson(x.MemberId, x.PersonId)).ToListAsync();

        var candidates = members.Select(m => ToCandidate(m, [.. points.Where(c => c.MemberId == m.Id)], unitNames)).ToList();
        return new PairingInput(candidates, persons, kept, exclusions);
    }

    /// <summary>
    /// The member's own unit and subject, the units and subjects of their contact points, and grades from grade
    /// contact points or from a unit named "高一年级组" (the grade group they work in), so that students of that grade
    /// are preferred.
    /// </summary>
    private static PairingMember ToCandidate(RosterMember member, List<RosterContactPoint> points, Dictionary<int, string> unitNames)
    {
        var units = points.Where(c => c.UnitId is not null).Select(c => c.UnitId!.Value).ToHashSet();
        if (member.UnitId is { } own)
        {
            units.Add(own);
        }

        var subjects = points.Where(c => c.Kind == ContactPointKind.Subject && !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => c.Value!.Trim()).ToHashSet(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(member.Subject))
        {
            subjects.Add(member.Subject.Trim());
        }

        var grades = points.Where(c => c.Kind == ContactPointKind.Grade && !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => c.Value!.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (unitNames.TryGetValue(unit, out var name) && name.EndsWith(GradeGroupSuffix, StringComparison.Ordinal) && name.Length > GradeGroupSuffix.Length)
            {
                grades.Add(name[..^GradeGroupSuffix.Length]);
            }
        }

        return new PairingMember(member.Id, units, subjects, grades);
    }
}
