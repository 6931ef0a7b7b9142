using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Security;

/// <summary>
/// A limit on how often one client (its IP address after forwarded headers from trusted proxies) may do one thing:
/// at most <c>{PermitsKey}</c> requests per <c>{WindowKey}</c> minutes, each read through <see cref="IRequestLimits"/>
/// (configuration, else what an administrator saved on /admin/settings/public, else the default). A changed value
/// takes effect at once: the limiter's partition is keyed by the client and the values. The address lives only in
/// the limiter's memory. A refused request gets 429, a Retry-After header and the module's localized message — as a
/// problem document under /api, as plain text elsewhere.
/// </summary>
/// <param name="PermitsKey">Configuration key of the number of requests, e.g. "Liaison:Outreach:OpinionsPerWindow".</param>
/// <param name="WindowKey">Configuration key of the window in minutes.</param>
/// <param name="Message">The refusal, from the localizer of the module that declares the limit.</param>
/// <param name="What">What is limited, as the administrator's page names it (e.g. "意见箱").</param>
/// <param name="Order">Where it stands on that page.</param>
/// <param name="Sliding">A sliding window (one segment per minute) instead of a fixed one.</param>
public sealed record ClientRateLimit(
    string PermitsKey,
    int DefaultPermits,
    string WindowKey,
    int DefaultWindowMinutes,
    Func<IStringLocalizer, LocalizedString> Message,
    Func<IStringLocalizer, LocalizedString> What,
    int Order,
    bool Sliding = false)
{
    public const int MaxPermits = 100_000;

    public const int MaxWindowMinutes = 1_440;
}

public static class ClientRateLimitServiceCollectionExtensions
{
    /// <summary>
    /// Declares the per-client policy <paramref name="policyName"/> and its two numbers as settings an administrator
    /// may change; the texts are localized by <c>IStringLocalizer&lt;TResource&gt;</c>, i.e. from TResource's module.
    /// Use it with [EnableRateLimiting(name)].
    /// </summary>
    public static IServiceCollection AddClientRateLimit<TResource>(
        this IServiceCollection services, string policyName, ClientRateLimit limit)
    {
        services.AddSingleton(new RequestLimitSetting(limit.PermitsKey, limit.DefaultPermits, ClientRateLimit.MaxPermits,
            typeof(TResource), limit.What, RequestLimitKind.PerAddress, limit.Order));
        services.AddSingleton(new RequestLimitSetting(limit.WindowKey, limit.DefaultWindowMinutes, ClientRateLimit.MaxWindowMinutes,
            typeof(TResource), limit.What, RequestLimitKind.WindowMinutes, limit.Order));
        return services.AddRateLimiter(o => o.AddPolicy(policyName, new ClientRateLimitPolicy(limit, typeof(TResource))));
    }
}

internal sealed class ClientRateLimitPolicy(ClientRateLimit limit, Type resource) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellation) =>
    {
        var http = context.HttpContext;
        var factory = http.RequestServices.GetRequiredService<IStringLocalizerFactory>();
        string message = limit.Message(factory.Create(resource));
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter =
                ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
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
        var limits = httpContext.RequestServices.GetRequiredService<IRequestLimits>();
        var permits = limits.Get(limit.PermitsKey, limit.DefaultPermits);
        var minutes = limits.Get(limit.WindowKey, limit.DefaultWindowMinutes);

        // The values are part of the key, so a changed setting starts a fresh count at once (the old one idles out).
        var client = string.Create(CultureInfo.InvariantCulture,
            $"{httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"}|{permits}|{minutes}");
        return limit.Sliding
            ? RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(minutes),
                SegmentsPerWindow = minutes,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(minutes),
                QueueLimit = 0,
            });
    }
}
