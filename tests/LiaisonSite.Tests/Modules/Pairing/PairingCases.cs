using Liaison.Pairing.Planning;

namespace LiaisonSite.Tests.Modules.Pairing;

/// <summary>
/// Builds pairing inputs from the small arrays FsCheck generates (so failures shrink to small cases):
/// a byte per member or person gives its unit (one of three) and, for persons, whether it is a student of a grade.
/// </summary>
internal static class PairingCases
{
    public const int MaxMembers = 9;
    public const int MaxPersons = 40;

    public static PairingInput Build(byte[]? members, byte[]? persons, (byte Member, byte Person)[]? exclusions = null, (byte Member, byte Person)[]? kept = null)
    {
        var memberList = (members ?? []).Take(MaxMembers)
            .Select((b, i) => new PairingMember(100 + i, [b % 3], [], [Grade(b / 3)]))
            .ToList();
        var personList = (persons ?? []).Take(MaxPersons)
            .Select((b, i) => b % 2 == 0
                ? new PairingPerson(1000 + i, UnitId: b / 2 % 3)
                : new PairingPerson(1000 + i, Grade: Grade(b / 2)))
            .ToList();
        return new PairingInput(memberList, personList, Pick(kept, memberList, personList, distinctPersons: true), Pick(exclusions, memberList, personList, distinctPersons: false));
    }

    public static Dictionary<int, int> NewLoads(PairingInput input, PairingProposal proposal)
        => input.Members.ToDictionary(m => m.Id, m => proposal.NewPairs.Count(p => p.MemberId == m.Id));

    public static PairingInput Shuffled(PairingInput input, int seed)
    {
        var random = new Random(seed);
        return new PairingInput(
            [.. input.Members.OrderBy(_ => random.Next())],
            [.. input.Persons.OrderBy(_ => random.Next())],
            [.. input.Kept.OrderBy(_ => random.Next())],
            [.. input.Exclusions.OrderBy(_ => random.Next())]);
    }

    private static string Grade(int value) => (value % 3) switch { 0 => "高一", 1 => "高二", _ => "高三" };

    private static List<MemberPerson> Pick((byte Member, byte Person)[]? picks, List<PairingMember> members, List<PairingPerson> persons, bool distinctPersons)
    {
        if (picks is null || members.Count == 0 || persons.Count == 0)
        {
            return [];
        }

        var pairs = picks.Select(p => new MemberPerson(members[p.Member % members.Count].Id, persons[p.Person % persons.Count].Id)).Distinct();
        return distinctPersons ? [.. pairs.DistinctBy(p => p.PersonId)] : [.. pairs];
    }
}
