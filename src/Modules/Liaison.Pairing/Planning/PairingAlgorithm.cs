namespace Liaison.Pairing.Planning;

/// <summary>
/// The pairing proposal (R5) as a pure function: same input (in any order), same proposal.
/// <para>
/// Persons without a kept pair are assigned by a min-cost flow. A member's k-th partner (kept pairs counted) costs
/// k·B with B larger than the number of persons, so the flow first minimizes Σ load², which balances the loads to
/// within one partner whenever exclusions and kept pairs allow it and is the most balanced proposal otherwise;
/// a pair the member does not suit (<see cref="PairingMember.Suits"/>) costs 1 more, so preferences are honoured
/// wherever they cost no balance. Excluded pairs have no edge at all.
/// </para>
/// </summary>
public static class PairingAlgorithm
{
    public static PairingProposal Propose(PairingInput input)
    {
        var members = input.Members.DistinctBy(m => m.Id).OrderBy(m => m.Id).ToList();
        var persons = input.Persons.DistinctBy(p => p.Id).OrderBy(p => p.Id).ToList();
        var memberIds = members.Select(m => m.Id).ToHashSet();
        var kept = input.Kept.Distinct().ToList();
        var keptPersons = kept.Select(k => k.PersonId).ToHashSet();
        var excluded = input.Exclusions.ToHashSet();
        var free = persons.Where(p => !keptPersons.Contains(p.Id)).ToList();
        var loads = members.ToDictionary(m => m.Id, m => kept.Count(k => k.MemberId == m.Id));

        var pairs = members.Count == 0 ? [] : Assign(members, free, loads, excluded);
        foreach (var pair in pairs)
        {
            loads[pair.MemberId]++;
        }

        var paired = pairs.Select(p => p.PersonId).ToHashSet();
        var unpaired = free.Where(p => !paired.Contains(p.Id)).Select(p => p.Id).ToList();
        var idle = members.Where(m => loads[m.Id] == 0).Select(m => m.Id).ToList();
        return new PairingProposal(pairs, loads, unpaired, idle, Notices(members.Count, persons.Count, free.Count, loads, unpaired.Count), persons.Count);
    }

    private static List<MemberPerson> Assign(
        List<PairingMember> members, List<PairingPerson> free, Dictionary<int, int> loads, HashSet<MemberPerson> excluded)
    {
        // Nodes: 0 source, 1..P persons, P+1..P+M members, P+M+1 sink.
        var source = 0;
        var sink = free.Count + members.Count + 1;
        var flow = new MinCostFlow(sink + 1);
        long balanceUnit = free.Count + 1;
        var pairEdges = new List<(int Edge, MemberPerson Pair)>();
        for (var i = 0; i < free.Count; i++)
        {
            flow.AddEdge(source, 1 + i, 1, 0);
            for (var j = 0; j < members.Count; j++)
            {
                var pair = new MemberPerson(members[j].Id, free[i].Id);
                if (!excluded.Contains(pair))
                {
                    var edge = flow.AddEdge(1 + i, 1 + free.Count + j, 1, members[j].Suits(free[i]) ? 0 : 1);
                    pairEdges.Add((edge, pair));
                }
            }
        }

        for (var j = 0; j < members.Count; j++)
        {
            var keptLoad = loads[members[j].Id];
            for (var k = 1; k <= free.Count; k++)
            {
                flow.AddEdge(1 + free.Count + j, sink, 1, balanceUnit * (keptLoad + k));
            }
        }

        flow.Run(source, sink);
        return [.. pairEdges.Where(e => flow.Flow(e.Edge) > 0).Select(e => e.Pair)];
    }

    private static List<PairingNotice> Notices(int members, int persons, int free, Dictionary<int, int> loads, int unpaired)
    {
        var notices = new List<PairingNotice>();
        if (members == 0)
        {
            notices.Add(PairingNotice.NoMembers);
        }

        if (persons == 0)
        {
            notices.Add(PairingNotice.NoMasses);
        }
        else if (free == 0)
        {
            notices.Add(PairingNotice.AllPersonsKept);
        }

        if (members > 0 && persons > 0 && persons < members)
        {
            notices.Add(PairingNotice.MoreMembersThanMasses);
        }

        if (loads.Count > 0 && loads.Values.Max() - loads.Values.Min() > 1)
        {
            notices.Add(PairingNotice.NotBalanced);
        }

        if (members > 0 && unpaired > 0)
        {
            notices.Add(PairingNotice.PersonsLeftUnpaired);
        }

        return notices;
    }
}
