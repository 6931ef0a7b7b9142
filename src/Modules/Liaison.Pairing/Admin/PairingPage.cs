using Liaison.Organization.Data;
using Liaison.Pairing.Data;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Pairing.Admin;

public sealed record BranchChoice(string Id, string Name);

public sealed record PersonOption(int Id, string Name, PersonKind Kind, string? Detail);

public sealed record PairRow(int PairId, PersonOption Person, PairStatus Status);

public sealed record MemberGroup(int MemberId, string Name, string Number, string? Detail, IReadOnlyList<PairRow> Pairs);

public sealed record ExclusionRow(int Id, string MemberName, string PersonName, string? Reason);

public sealed record PairingPageModel(
    IReadOnlyList<BranchChoice> Branches,
    BranchChoice Branch,
    string Term,
    IReadOnlyList<string> Terms,
    IReadOnlyList<MemberGroup> Members,
    IReadOnlyList<PersonOption> Unpaired,
    IReadOnlyList<PersonOption> Persons,
    IReadOnlyList<ExclusionRow> Exclusions)
{
    public int Proposed => Members.Sum(m => m.Pairs.Count(p => p.Status == PairStatus.Proposed));

    public int Confirmed => Members.Sum(m => m.Pairs.Count(p => p.Status == PairStatus.Confirmed));
}

/// <summary>Reads the pairing page of one branch and term (the caller has checked the branch is in scope).</summary>
public sealed class PairingPage(LiaisonDbContext db)
{
    public async Task<PairingPageModel> LoadAsync(IReadOnlyList<BranchChoice> branches, BranchChoice branch, string term, IReadOnlyList<string> terms)
    {
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name);
        var pairs = await db.Set<Pair>().AsNoTracking()
            .Where(p => p.BranchId == branch.Id && p.Term == term && p.Status != PairStatus.Ended)
            .Include(p => p.Person).OrderBy(p => p.Id).ToListAsync();
        var pairedMemberIds = pairs.Select(p => p.MemberId).Distinct().ToList();
        var members = await db.Set<PartyMember>().AsNoTracking()
            .Where(m => m.BranchId == branch.Id && (m.Active || pairedMemberIds.Contains(m.Id)))
            .OrderBy(m => m.Number).ToListAsync();
        var persons = await db.Set<MassPerson>().AsNoTracking()
            .Where(p => p.BranchId == branch.Id && p.Active).OrderBy(p => p.Kind).ThenBy(p => p.Number).ToListAsync();
        var exclusions = await db.Set<PairExclusion>().AsNoTracking()
            .Where(x => x.BranchId == branch.Id).Include(x => x.Member).Include(x => x.Person).OrderBy(x => x.Id).ToListAsync();

        PersonOption Option(MassPerson p) => new(p.Id, p.Name, p.Kind, Detail(p, units));
        var groups = members.Select(m => new MemberGroup(
            m.Id, m.Name, m.Number, m.UnitId is { } unit ? units.GetValueOrDefault(unit) : m.Subject,
            [.. pairs.Where(p => p.MemberId == m.Id).OrderBy(p => p.Person!.Number).Select(p => new PairRow(p.Id, Option(p.Person!), p.Status))]))
            .ToList();
        var paired = pairs.Select(p => p.PersonId).ToHashSet();
        return new PairingPageModel(
            branches, branch, term, terms, groups,
            [.. persons.Where(p => !paired.Contains(p.Id)).Select(Option)],
            [.. persons.Select(Option)],
            [.. exclusions.Select(x => new ExclusionRow(x.Id, x.Member!.Name, x.Person!.Name, x.Reason))]);
    }

    private static string? Detail(MassPerson person, Dictionary<int, string> units) => person.Kind == PersonKind.Student
        ? string.Join(" ", new[] { person.Grade, person.ClassName }.Where(s => !string.IsNullOrWhiteSpace(s)))
        : string.Join(" ", new[] { person.UnitId is { } unit ? units.GetValueOrDefault(unit) : null, person.Subject }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
