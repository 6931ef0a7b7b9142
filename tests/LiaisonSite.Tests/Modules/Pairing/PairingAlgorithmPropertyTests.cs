using FsCheck.Xunit;
using Liaison.Pairing.Planning;

namespace LiaisonSite.Tests.Modules.Pairing;

public sealed class PairingAlgorithmPropertyTests
{
    [Property(MaxTest = 200)]
    public bool Propose_WithoutExclusionsOrKeptPairs_IsBalancedToWithinOne(byte[] members, byte[] persons)
    {
        var proposal = PairingAlgorithm.Propose(PairingCases.Build(members, persons));

        return proposal.Loads.Count == 0 || proposal.Loads.Values.Max() - proposal.Loads.Values.Min() <= 1;
    }

    [Property(MaxTest = 200)]
    public bool Propose_WithoutExclusions_PairsEveryPersonExactlyOnce(byte[] members, byte[] persons, (byte, byte)[] kept)
    {
        var input = PairingCases.Build(members, persons, kept: kept);
        var proposal = PairingAlgorithm.Propose(input);
        var keptPersons = input.Kept.Select(k => k.PersonId).ToHashSet();

        return input.Members.Count == 0
            ? proposal.NewPairs.Count == 0 && proposal.Has(PairingNotice.NoMembers)
            : input.Persons.All(p => proposal.NewPairs.Count(n => n.PersonId == p.Id) == (keptPersons.Contains(p.Id) ? 0 : 1));
    }

    [Property(MaxTest = 200)]
    public bool Propose_KeepsConfirmedPairs_AndCountsThemInTheLoads(byte[] members, byte[] persons, (byte, byte)[] kept)
    {
        var input = PairingCases.Build(members, persons, kept: kept);
        var proposal = PairingAlgorithm.Propose(input);
        var keptPersons = input.Kept.Select(k => k.PersonId).ToHashSet();
        var newLoads = PairingCases.NewLoads(input, proposal);

        return proposal.NewPairs.All(p => !keptPersons.Contains(p.PersonId))
            && input.Members.All(m => proposal.Loads[m.Id] == newLoads[m.Id] + input.Kept.Count(k => k.MemberId == m.Id));
    }

    [Property(MaxTest = 200)]
    public bool Propose_NeverProposesAnExcludedPair_AndLeavesOnlyPersonsExcludedFromEveryMember(
        byte[] members, byte[] persons, (byte, byte)[] exclusions)
    {
        var input = PairingCases.Build(members, persons, exclusions);
        var proposal = PairingAlgorithm.Propose(input);
        var excluded = input.Exclusions.ToHashSet();

        return proposal.NewPairs.All(p => !excluded.Contains(p))
            && proposal.UnpairedPersonIds.All(person => input.Members.All(m => excluded.Contains(new MemberPerson(m.Id, person))));
    }

    [Property(MaxTest = 200)]
    public bool Propose_IsBalancedWhereverAnExclusionAllowsAMove(byte[] members, byte[] persons, (byte, byte)[] exclusions, (byte, byte)[] kept)
    {
        var input = PairingCases.Build(members, persons, exclusions, kept);
        var proposal = PairingAlgorithm.Propose(input);
        var excluded = input.Exclusions.ToHashSet();

        // No new pair could move to another member and leave the two loads closer together.
        return proposal.NewPairs.All(pair => input.Members.All(other =>
            other.Id == pair.MemberId
            || excluded.Contains(new MemberPerson(other.Id, pair.PersonId))
            || proposal.Loads[pair.MemberId] <= proposal.Loads[other.Id] + 1));
    }

    [Property(MaxTest = 200)]
    public bool Propose_GivesTheSameProposal_ForTheSameInputInAnyOrder(byte[] members, byte[] persons, (byte, byte)[] exclusions, (byte, byte)[] kept, int seed)
    {
        var input = PairingCases.Build(members, persons, exclusions, kept);
        var first = PairingAlgorithm.Propose(input);
        var again = PairingAlgorithm.Propose(input);
        var shuffled = PairingAlgorithm.Propose(PairingCases.Shuffled(input, seed));

        return Same(first, again) && Same(first, shuffled);
    }

    [Property(MaxTest = 200)]
    public bool Propose_PrefersASuitableMember_WhenItCostsNoBalance(byte[] members, byte[] persons, (byte, byte)[] exclusions, (byte, byte)[] kept)
    {
        var input = PairingCases.Build(members, persons, exclusions, kept);
        var proposal = PairingAlgorithm.Propose(input);
        var excluded = input.Exclusions.ToHashSet();
        var member = input.Members.ToDictionary(m => m.Id);
        var person = input.Persons.ToDictionary(p => p.Id);
        bool Suits(int m, int p) => member[m].Suits(person[p]);
        bool Allowed(int m, int p) => !excluded.Contains(new MemberPerson(m, p));

        var unsuited = proposal.NewPairs.Where(p => !Suits(p.MemberId, p.PersonId)).ToList();

        // Moving such a person to a suitable, less loaded member would be as balanced and better suited.
        var noBetterMove = unsuited.All(pair => input.Members.All(other =>
            !Suits(other.Id, pair.PersonId) || !Allowed(other.Id, pair.PersonId)
            || proposal.Loads[other.Id] >= proposal.Loads[pair.MemberId]));

        // Swapping two new partners keeps every load and must not raise the number of suitable pairs.
        var noBetterSwap = proposal.NewPairs.All(a => proposal.NewPairs.All(b =>
            a.MemberId == b.MemberId || !Allowed(a.MemberId, b.PersonId) || !Allowed(b.MemberId, a.PersonId)
            || Score(Suits(a.MemberId, b.PersonId), Suits(b.MemberId, a.PersonId)) <= Score(Suits(a.MemberId, a.PersonId), Suits(b.MemberId, b.PersonId))));

        return noBetterMove && noBetterSwap;
    }

    private static int Score(bool first, bool second) => (first ? 1 : 0) + (second ? 1 : 0);

    private static bool Same(PairingProposal a, PairingProposal b)
        => a.NewPairs.SequenceEqual(b.NewPairs)
            && a.UnpairedPersonIds.SequenceEqual(b.UnpairedPersonIds)
            && a.Notices.SequenceEqual(b.Notices)
            && a.Loads.OrderBy(l => l.Key).SequenceEqual(b.Loads.OrderBy(l => l.Key));
}
