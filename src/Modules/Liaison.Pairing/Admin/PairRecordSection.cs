using System.Security.Claims;
using Liaison.Organization.Contracts;
using Liaison.Pairing.Services;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.Extensions.Localization;

namespace Liaison.Pairing.Admin;

/// <summary>
/// The member's confirmed pairs (结对) of the current term on their record in the roster
/// (/admin/organization/members/{id}). The record page has already scoped the member to the user; the link to the
/// pairing page is shown only to those who may open it.
/// </summary>
internal sealed class PairRecordSection(
    PairQueries pairs, ISchoolClock clock, IPermissionService permissions, IStringLocalizer<PairRecordSection> S) : IMemberRecordSection
{
    public int Order => 15;

    public async Task<MemberRecordSection?> BuildAsync(ClaimsPrincipal user, int memberId, CancellationToken cancellationToken)
    {
        var term = clock.Term;
        var partners = await pairs.PartnersOfAsync(memberId, term.Key);
        var lines = partners.Select(p => new MemberRecordLine(
            p.Kind == PersonKind.Student ? S["Student"] : S["Staff"],
            $"{p.Name} {p.Number}",
            p.Kind == PersonKind.Student
                ? string.Join(" ", new[] { p.Grade, p.ClassName }.Where(s => !string.IsNullOrWhiteSpace(s)))
                : string.Join(" ", new[] { p.UnitName, p.Post }.Where(s => !string.IsNullOrWhiteSpace(s))))).ToList();
        var canOpen = await permissions.HasPermissionAsync(user, "Organization.ManageBranch");
        return new MemberRecordSection(S["Pairs of term {0}", term.Key], lines,
            lines.Count == 0 ? S["This member has no confirmed pair this term."].Value : null,
            canOpen ? S["Open the pairing of the branch"].Value : null, canOpen ? "/admin/pairing" : null);
    }
}
