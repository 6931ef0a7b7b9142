namespace Liaison.Pairing.Planning;

/// <summary>
/// A member as the pairing sees them: the units, subjects and grades they are close to (their own unit and subject,
/// and, for cadres, their contact points).
/// </summary>
public sealed record PairingMember(int Id, IReadOnlyCollection<int> UnitIds, IReadOnlyCollection<string> Subjects, IReadOnlyCollection<string> Grades)
{
    public PairingMember(int id)
        : this(id, [], [], [])
    {
    }

    /// <summary>
    /// The preference rule, kept simple on purpose: a member suits a person who works in one of the member's units,
    /// teaches one of the member's subjects, or (students) is in one of the member's grades.
    /// </summary>
    public bool Suits(PairingPerson person)
        => (person.UnitId is { } unit && UnitIds.Contains(unit))
            || (person.Subject is { Length: > 0 } subject && Subjects.Contains(subject))
            || (person.Grade is { Length: > 0 } grade && Grades.Contains(grade));
}

/// <summary>A person of the masses as the pairing sees them.</summary>
public sealed record PairingPerson(int Id, int? UnitId = null, string? Subject = null, string? Grade = null);

/// <summary>A member and a person: a pair, a kept (confirmed) pair or an exclusion.</summary>
public readonly record struct MemberPerson(int MemberId, int PersonId);

/// <summary>Everything one pairing run of a branch and term depends on; nothing else is read.</summary>
public sealed record PairingInput(
    IReadOnlyList<PairingMember> Members,
    IReadOnlyList<PairingPerson> Persons,
    IReadOnlyList<MemberPerson> Kept,
    IReadOnlyList<MemberPerson> Exclusions);

/// <summary>What the secretary must be told about a proposal (localized by the caller).</summary>
public enum PairingNotice
{
    /// <summary>The branch has no active members: nobody can be paired.</summary>
    NoMembers,

    /// <summary>The branch has no active masses: there is nobody to pair with.</summary>
    NoMasses,

    /// <summary>Every person already has a confirmed partner: nothing new is proposed.</summary>
    AllPersonsKept,

    /// <summary>Fewer persons than members: every person gets one member, some members get none.</summary>
    MoreMembersThanMasses,

    /// <summary>Confirmed pairs or exclusions prevent a balance to within one partner; this is the best possible.</summary>
    NotBalanced,

    /// <summary>Some persons are excluded from every member and stay unpaired.</summary>
    PersonsLeftUnpaired,
}

/// <summary>The proposal: new pairs (kept pairs are not repeated) and what to tell the secretary.</summary>
public sealed record PairingProposal(
    IReadOnlyList<MemberPerson> NewPairs,
    IReadOnlyDictionary<int, int> Loads,
    IReadOnlyList<int> UnpairedPersonIds,
    IReadOnlyList<int> MembersWithoutPartners,
    IReadOnlyList<PairingNotice> Notices,
    int PersonCount)
{
    public bool Has(PairingNotice notice) => Notices.Contains(notice);
}
