using System.Globalization;
using Liaison.Pairing.Planning;
using Liaison.Pairing.Services;
using LiaisonSite.Core.Localization;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Tests.Modules.Pairing;

public sealed class PairingAlgorithmEdgeTests
{
    private static readonly PairingPerson[] TwoPersons = [new(1), new(2)];

    [Fact]
    public void Propose_WithNoMembers_PairsNobody_AndSaysWhyInChinese()
    {
        var proposal = PairingAlgorithm.Propose(new PairingInput([], TwoPersons, [], []));

        Assert.Empty(proposal.NewPairs);
        Assert.Equal([1, 2], proposal.UnpairedPersonIds);
        Assert.Equal([PairingNotice.NoMembers], proposal.Notices);
        Assert.Equal("本支部没有在册党员，无法配对。请先在花名册中添加党员。", InChinese(PairingNotice.NoMembers, proposal));
    }

    [Fact]
    public void Propose_WithNoMasses_PairsNobody_AndSaysWhyInChinese()
    {
        var proposal = PairingAlgorithm.Propose(new PairingInput([new PairingMember(7)], [], [], []));

        Assert.Empty(proposal.NewPairs);
        Assert.Equal([7], proposal.MembersWithoutPartners);
        Assert.Equal([PairingNotice.NoMasses], proposal.Notices);
        Assert.Equal("本支部的群众花名册中没有在册的教职工或学生，没有可以结对的对象。", InChinese(PairingNotice.NoMasses, proposal));
    }

    [Fact]
    public void Propose_WithMoreMembersThanMasses_GivesEveryPersonOneMember_AndNamesTheCounts()
    {
        var proposal = PairingAlgorithm.Propose(new PairingInput([new(10), new(11), new(12)], TwoPersons, [], []));

        Assert.Equal([1, 2], proposal.NewPairs.Select(p => p.PersonId).Order());
        Assert.Equal(2, proposal.NewPairs.Select(p => p.MemberId).Distinct().Count());
        Assert.Single(proposal.MembersWithoutPartners);
        Assert.Equal([PairingNotice.MoreMembersThanMasses], proposal.Notices);
        Assert.Equal("本支部党员（3 名）多于群众（2 名）：每名群众都有一名党员结对，本学期有 1 名党员没有结对对象。", InChinese(PairingNotice.MoreMembersThanMasses, proposal));
    }

    [Fact]
    public void Propose_WhenAnExclusionPreventsBalance_GivesTheBestAndSaysSo()
    {
        // Both persons are excluded from member 11, so member 10 must take both.
        var exclusions = new[] { new MemberPerson(11, 1), new MemberPerson(11, 2) };
        var proposal = PairingAlgorithm.Propose(new PairingInput([new(10), new(11)], TwoPersons, [], exclusions));

        Assert.Equal([new MemberPerson(10, 1), new MemberPerson(10, 2)], proposal.NewPairs);
        Assert.Contains(PairingNotice.NotBalanced, proposal.Notices);
    }

    [Fact]
    public void Propose_WhenAPersonIsExcludedFromEveryMember_LeavesThemUnpaired_AndSaysSo()
    {
        var proposal = PairingAlgorithm.Propose(new PairingInput([new(10)], TwoPersons, [], [new MemberPerson(10, 2)]));

        Assert.Equal([new MemberPerson(10, 1)], proposal.NewPairs);
        Assert.Equal([2], proposal.UnpairedPersonIds);
        Assert.Contains(PairingNotice.PersonsLeftUnpaired, proposal.Notices);
    }

    [Fact]
    public void Propose_PrefersTheMemberOfTheSameUnit()
    {
        var members = new PairingMember[] { new(10, [1], [], []), new(11, [2], [], []) };
        var persons = new PairingPerson[] { new(1, UnitId: 2), new(2, UnitId: 1) };

        var proposal = PairingAlgorithm.Propose(new PairingInput(members, persons, [], []));

        Assert.Equal([new MemberPerson(11, 1), new MemberPerson(10, 2)], proposal.NewPairs);
    }

    private static string InChinese(PairingNotice notice, PairingProposal proposal)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var factory = new PoStringLocalizerFactory(LiaisonSite.SiteModules.Catalog);
            return PairingMessages.Notice(notice, proposal, factory.Create(typeof(PairingMessages)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
