using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Outreach.Opinions;

/// <summary>
/// At most Liaison:Outreach:OpinionsPerWindow (5) posts per Liaison:Outreach:OpinionWindowMinutes (10) minutes per
/// client IP. The address lives only in the limiter's memory; nothing of it is stored with the opinion.
/// </summary>
internal sealed class OpinionRateLimitPolicy(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Name = "Opinions";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellation) =>
    {
        var S = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<OpinionRateLimitPolicy>>();
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await context.HttpContext.Response.WriteAsync(S["You have sent too many opinions in a short time. Please try again in a few minutes."], cancellation);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var permits = Math.Max(1, configuration.GetValue("Liaison:Outreach:OpinionsPerWindow", 5));
        var minutes = Math.Max(1, configuration.GetValue("Liaison:Outreach:OpinionWindowMinutes", 10));
        var ip = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(minutes),
            QueueLimit = 0,
        });
    }
}
