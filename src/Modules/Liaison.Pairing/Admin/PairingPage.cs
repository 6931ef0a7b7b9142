using Liaison.Organization.Contracts;
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
public sealed class PairingPage(LiaisonDbContext db, IRosterQueries roster)
{
    public async Task<PairingPageModel> LoadAsync(IReadOnlyList<BranchChoice> branches, BranchChoice branch, string term, IReadOnlyList<string> terms)
    {
        var pairs = await db.Set<Pair>().AsNoTracking()
            .Where(p => p.BranchId == branch.Id && p.Term == term && p.Status != PairStatus.Ended)
            .OrderBy(p => p.Id).ToListAsync();
        var exclusions = await db.Set<PairExclusion>().AsNoTracking()
            .Where(x => x.BranchId == branch.Id).OrderBy(x => x.Id).ToListAsync();
        var pairedMemberIds = pairs.Select(p => p.MemberId).Distinct().ToList();
        var members = await roster.Members()
            .Where(m => m.BranchId == branch.Id && (m.Active || pairedMemberIds.Contains(m.Id)))
            .OrderBy(m => m.Number).ToListAsync();
        var namedMembers = exclusions.Select(x => x.MemberId).Except(members.Select(m => m.Id)).ToList();
        var memberNames = members.ToDictionary(m => m.Id, m => m.Name);
        foreach (var m in await roster.Members().Where(m => namedMembers.Contains(m.Id)).ToListAsync())
        {
            memberNames[m.Id] = m.Name;
        }

        // The branch's active persons, and the ones its open pairs and exclusions name (moved away or inactive since).
        var referenced = pairs.Select(p => p.PersonId).Concat(exclusions.Select(x => x.PersonId)).Distinct().ToList();
        var persons = await roster.Persons()
            .Where(p => (p.BranchId == branch.Id && p.Active) || referenced.Contains(p.Id))
            .OrderBy(p => p.Kind).ThenBy(p => p.Number).ToListAsync();
        var byId = persons.ToDictionary(p => p.Id);
        var branchPersons = persons.Where(p => p.BranchId == branch.Id && p.Active).ToList();

        var groups = members.Select(m => new MemberGroup(
            m.Id, m.Name, m.Number, m.UnitName ?? m.Subject,
            [.. pairs.Where(p => p.MemberId == m.Id).OrderBy(p => byId[p.PersonId].Number)
                .Select(p => new PairRow(p.Id, Option(byId[p.PersonId]), p.Status))]))
            .ToList();
        var paired = pairs.Select(p => p.PersonId).ToHashSet();
        return new PairingPageModel(
            branches, branch, term, terms, groups,
            [.. branchPersons.Where(p => !paired.Contains(p.Id)).Select(Option)],
            [.. branchPersons.Select(Option)],
            [.. exclusions.Select(x => new ExclusionRow(x.Id, memberNames.GetValueOrDefault(x.MemberId, ""),
                byId.TryGetValue(x.PersonId, out var p) ? p.Name : "", x.Reason))]);
    }

    private static PersonOption Option(RosterPerson p) => new(p.Id, p.Name, p.Kind, Detail(p));

    private static string? Detail(RosterPerson person) => person.Kind == PersonKind.Student
        ? string.Join(" ", new[] { person.Grade, person.ClassName }.Where(s => !string.IsNullOrWhiteSpace(s)))
        : string.Join(" ", new[] { person.UnitName, person.Subject }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
