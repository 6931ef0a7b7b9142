using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Outreach.Opinions;

/// <summary>
/// At most Liaison:Outreach:OpinionsPerWindow (5) posts per Liaison:Outreach:OpinionWindowMinutes (10) minutes per
/// client IP. The address lives only in the limiter's memory; nothing of it is stored with the opinion.
/// </summary>
internal sealed class OpinionRateLimitPolicy(IConfiguration configuration) : ClientRateLimitPolicy(configuration)
{
    public const string Name = "Opinions";

    protected override string PermitsKey => "Liaison:Outreach:OpinionsPerWindow";

    protected override int DefaultPermits => 5;

    protected override string WindowKey => "Liaison:Outreach:OpinionWindowMinutes";

    protected override string RejectionMessage(HttpContext httpContext)
        => httpContext.RequestServices.GetRequiredService<IStringLocalizer<OpinionRateLimitPolicy>>()[
            "You have sent too many opinions in a short time. Please try again in a few minutes."];
}
