using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Liaison.Users.Account;

/// <summary>
/// Sign-in attempts (POST /login and POST /api/token together) per client IP — the connection's address after
/// forwarded headers from trusted proxies — at most Liaison:SignIn:AttemptsPerWindow (20) per
/// Liaison:SignIn:WindowMinutes (10), sliding. Lockout stays per account (5 failures, 15 minutes); this limit is what
/// stops one client from trying names one after another until every account is locked.
/// </summary>
internal sealed class SignInRateLimitPolicy(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Name = "SignIn";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellation) =>
    {
        var http = context.HttpContext;
        var S = http.RequestServices.GetRequiredService<IStringLocalizer<SignInRateLimitPolicy>>();
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        string message = S["Too many sign-in attempts from your network. Please wait a few minutes and try again."];
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(message, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message, cancellation);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var permits = Math.Max(1, configuration.GetValue("Liaison:SignIn:AttemptsPerWindow", 20));
        var minutes = Math.Max(1, configuration.GetValue("Liaison:SignIn:WindowMinutes", 10));
        var ip = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetSlidingWindowLimiter(ip, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(minutes),
            SegmentsPerWindow = minutes,
            QueueLimit = 0,
        });
    }
}
