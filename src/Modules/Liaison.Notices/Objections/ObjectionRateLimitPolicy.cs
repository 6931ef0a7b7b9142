using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Notices.Objections;

/// <summary>
/// At most Liaison:Notices:ObjectionsPerWindow (5) posts per Liaison:Notices:ObjectionWindowMinutes (10) minutes
/// per client IP (after forwarded headers), so one sender cannot flood the branch with objections.
/// </summary>
internal sealed class ObjectionRateLimitPolicy(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Name = "NoticeObjections";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellation) =>
    {
        var S = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ObjectionRateLimitPolicy>>();
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await context.HttpContext.Response.WriteAsync(
            S["You have sent too many objections in a short time. Please try again in a few minutes."], cancellation);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var permits = Math.Max(1, configuration.GetValue("Liaison:Notices:ObjectionsPerWindow", 5));
        var minutes = Math.Max(1, configuration.GetValue("Liaison:Notices:ObjectionWindowMinutes", 10));
        var ip = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(minutes),
            QueueLimit = 0,
        });
    }
}
