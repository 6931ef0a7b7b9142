using System.Security.Claims;
using Liaison.Organization.Contracts;
using LiaisonSite.Core.Time;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Scores;

/// <summary>
/// "Meets the liaison condition" (达到联系群众工作条件) of last year, by the committee's rule, as a filter of the
/// roster's member list (Organization's <see cref="IMemberCondition"/>), where awards and promotions are prepared.
/// </summary>
internal sealed class LiaisonCondition(ScoreService scores, ISchoolClock clock, IStringLocalizer<LiaisonCondition> S) : IMemberCondition
{
    public const string ConditionKey = "liaison";

    public string Key => ConditionKey;

    public string DisplayName => S["Meets the liaison condition ({0})", clock.Today.Year - 1];

    public async Task<IReadOnlyCollection<int>> MemberIdsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        => [.. (await scores.RowsAsync(user, clock.Today.Year - 1, null, cancellationToken)).Where(r => r.Score.Passed).Select(r => r.MemberId)];
}
