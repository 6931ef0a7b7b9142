using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace LiaisonSite.Core.Security;

/// <summary>
/// A fixed-window limit per client IP (the connection's address after forwarded headers from trusted proxies) for
/// anonymous forms (opinions, objections, ballots): at most <c>{ConfigurationPrefix}{PermitsKey}</c> posts per
/// <c>{ConfigurationPrefix}{WindowKey}</c> minutes, then a 429 with the module's localized message. The address lives
/// only in the limiter's memory. A module derives one, names it and registers it with
/// <c>services.AddRateLimiter(o =&gt; o.AddPolicy&lt;string, MyPolicy&gt;(MyPolicy.Name))</c>.
/// </summary>
public abstract class ClientRateLimitPolicy(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    /// <summary>The configuration key of the permits, e.g. "Liaison:Outreach:OpinionsPerWindow".</summary>
    protected abstract string PermitsKey { get; }

    protected abstract int DefaultPermits { get; }

    /// <summary>The configuration key of the window in minutes.</summary>
    protected abstract string WindowKey { get; }

    protected virtual int DefaultWindowMinutes => 10;

    /// <summary>What the refused client reads, in the request's language.</summary>
    protected abstract string RejectionMessage(HttpContext httpContext);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellation) =>
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await context.HttpContext.Response.WriteAsync(RejectionMessage(context.HttpContext), cancellation);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var permits = Math.Max(1, configuration.GetValue(PermitsKey, DefaultPermits));
        var minutes = Math.Max(1, configuration.GetValue(WindowKey, DefaultWindowMinutes));
        var ip = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(minutes),
            QueueLimit = 0,
        });
    }
}
