using Liaison.Pairing.Planning;
using Microsoft.Extensions.Localization;

namespace Liaison.Pairing.Services;

/// <summary>What the secretary reads after a pairing run: a summary and one sentence per notice.</summary>
internal static class PairingMessages
{
    public static string Summary(PairingProposal proposal, int keptPairs, IStringLocalizer S)
        => S["Proposed {0} new pairs for {1} members and {2} persons; {3} confirmed pairs were kept.",
            proposal.NewPairs.Count, proposal.Loads.Count, proposal.PersonCount, keptPairs];

    public static IEnumerable<string> Notices(PairingProposal proposal, IStringLocalizer S)
        => proposal.Notices.Select(notice => Notice(notice, proposal, S));

    public static string Notice(PairingNotice notice, PairingProposal proposal, IStringLocalizer S) => notice switch
    {
        PairingNotice.NoMembers => S["The branch has no active members, so nobody can be paired. Add members to the roster first."],
        PairingNotice.NoMasses => S["The branch has no active staff or students on the masses roster, so there is nobody to pair with."],
        PairingNotice.AllPersonsKept => S["Every person already has a confirmed partner this term; nothing new was proposed."],
        PairingNotice.MoreMembersThanMasses => S["The branch has more members ({0}) than masses ({1}): every person gets one member, and {2} members have no partner this term.",
            proposal.Loads.Count, proposal.PersonCount, proposal.MembersWithoutPartners.Count],
        PairingNotice.NotBalanced => S["Confirmed pairs or exclusions keep the partners from being balanced to within one per member ({0} to {1} partners); this is the most balanced proposal possible.",
            proposal.Loads.Values.DefaultIfEmpty().Min(), proposal.Loads.Values.DefaultIfEmpty().Max()],
        PairingNotice.PersonsLeftUnpaired => S["{0} persons are excluded from every member and stay without a partner.", proposal.UnpairedPersonIds.Count],
        _ => notice.ToString(),
    };
}
