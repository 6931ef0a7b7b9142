using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Appraisals.Voting;

/// <summary>
/// Ballot pages and posts per client IP: Liaison:Appraisals:VotesPerWindow (120) per Liaison:Appraisals:VoteWindowMinutes
/// (10). Generous, because a whole school may vote from behind one address; it only slows a client trying links.
/// </summary>
internal sealed class VoteRateLimitPolicy(IConfiguration configuration) : ClientRateLimitPolicy(configuration)
{
    public const string Name = "AppraisalVotes";

    protected override string PermitsKey => "Liaison:Appraisals:VotesPerWindow";

    protected override int DefaultPermits => 120;

    protected override string WindowKey => "Liaison:Appraisals:VoteWindowMinutes";

    protected override string RejectionMessage(HttpContext httpContext)
        => httpContext.RequestServices.GetRequiredService<IStringLocalizer<VoteRateLimitPolicy>>()[
            "Too many requests from your network. Please try again in a few minutes."];
}
