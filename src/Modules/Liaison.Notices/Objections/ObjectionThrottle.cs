using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Liaison.Notices.Objections;

/// <summary>
/// How often objections may be sent, so that a campus behind one address is not blocked by a few busy browsers: each
/// browser may send <c>Liaison:Notices:ObjectionsPerWindow</c> (default 5) per <c>ObjectionWindowMinutes</c> (10), and
/// one address <c>ObjectionsPerAddressPerWindow</c> (default 100) in the same window. A browser is known by its
/// antiforgery cookie, which every valid post carries (the form page sets it); only a hash of it is kept, in memory.
/// </summary>
public sealed class ObjectionThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _browsers;
    private readonly PartitionedRateLimiter<string> _addresses;
    private readonly string _cookieName;

    public ObjectionThrottle(IConfiguration configuration, IOptions<AntiforgeryOptions> antiforgery)
    {
        var window = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Liaison:Notices:ObjectionWindowMinutes", 10)));
        var perBrowser = Math.Max(1, configuration.GetValue("Liaison:Notices:ObjectionsPerWindow", 5));
        var perAddress = Math.Max(perBrowser, configuration.GetValue("Liaison:Notices:ObjectionsPerAddressPerWindow", 100));
        _browsers = Limiter(perBrowser, window);
        _addresses = Limiter(perAddress, window);
        _cookieName = antiforgery.Value.Cookie.Name ?? "";
    }

    /// <summary>Takes one objection's permit for the request's browser and address; false when either has used up its window.</summary>
    public bool TryAcquire(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var cookie = context.Request.Cookies.TryGetValue(_cookieName, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        var browser = cookie is null
            ? "address:" + address // without the cookie the post is refused by antiforgery anyway
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cookie)));
        using var byAddress = _addresses.AttemptAcquire(address);
        if (!byAddress.IsAcquired)
        {
            return false;
        }

        using var byBrowser = _browsers.AttemptAcquire(browser);
        return byBrowser.IsAcquired;
    }

    public void Dispose()
    {
        _browsers.Dispose();
        _addresses.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window)
        => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));
}
