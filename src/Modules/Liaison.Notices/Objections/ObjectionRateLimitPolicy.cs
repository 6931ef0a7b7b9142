using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices.Objections;

/// <summary>
/// At most Liaison:Notices:ObjectionsPerWindow (5) posts per Liaison:Notices:ObjectionWindowMinutes (10) minutes
/// per client IP (after forwarded headers), so one sender cannot flood the branch with objections.
/// </summary>
internal sealed class ObjectionRateLimitPolicy(IConfiguration configuration) : ClientRateLimitPolicy(configuration)
{
    public const string Name = "NoticeObjections";

    protected override string PermitsKey => "Liaison:Notices:ObjectionsPerWindow";

    protected override int DefaultPermits => 5;

    protected override string WindowKey => "Liaison:Notices:ObjectionWindowMinutes";

    protected override string RejectionMessage(HttpContext httpContext)
        => httpContext.RequestServices.GetRequiredService<IStringLocalizer<ObjectionRateLimitPolicy>>()[
            "You have sent too many objections in a short time. Please try again in a few minutes."];
}
