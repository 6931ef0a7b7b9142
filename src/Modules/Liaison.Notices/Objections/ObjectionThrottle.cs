using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Options;

namespace Liaison.Notices.Objections;

/// <summary>
/// How often objections may be sent, so that a campus behind one address is not blocked by a few busy browsers: each
/// browser may send <c>Liaison:Notices:ObjectionsPerWindow</c> (default 5) per <c>ObjectionWindowMinutes</c> (10), and
/// one address <c>ObjectionsPerAddressPerWindow</c> (default 100, never fewer than a browser's) in the same window.
/// The numbers are read through <see cref="IRequestLimits"/> (configuration, else /admin/settings/public, else the
/// defaults) and are part of each count's key, so a change takes effect at once. A browser is known by its
/// antiforgery cookie, which every valid post carries (the form page sets it); only a hash of it is kept, in memory.
/// </summary>
public sealed class ObjectionThrottle(IOptions<AntiforgeryOptions> antiforgery) : IDisposable
{
    public const string PerBrowserKey = "Liaison:Notices:ObjectionsPerWindow";
    public const string PerAddressKey = "Liaison:Notices:ObjectionsPerAddressPerWindow";
    public const string WindowKey = "Liaison:Notices:ObjectionWindowMinutes";
    public const int DefaultPerBrowser = 5;
    public const int DefaultPerAddress = 100;
    public const int DefaultWindowMinutes = 10;

    private readonly PartitionedRateLimiter<Count> _counts = PartitionedRateLimiter.Create<Count, Count>(count =>
        RateLimitPartition.GetFixedWindowLimiter(count, c => new FixedWindowRateLimiterOptions
        {
            PermitLimit = c.Permits,
            Window = TimeSpan.FromMinutes(c.WindowMinutes),
            QueueLimit = 0,
        }));

    private readonly string _cookieName = antiforgery.Value.Cookie.Name ?? "";

    /// <summary>
    /// Takes one objection's permit for the request's browser and address; a zero window when both had one left,
    /// else how long until the window that refused ends (at most).
    /// </summary>
    public async Task<TimeSpan?> TryAcquireAsync(HttpContext context, IRequestLimits limits)
    {
        var window = await limits.GetAsync(WindowKey, DefaultWindowMinutes);
        var perBrowser = await limits.GetAsync(PerBrowserKey, DefaultPerBrowser);
        var perAddress = Math.Max(perBrowser, await limits.GetAsync(PerAddressKey, DefaultPerAddress));
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var cookie = context.Request.Cookies.TryGetValue(_cookieName, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        var browser = cookie is null
            ? "address:" + address // without the cookie the post is refused by antiforgery anyway
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cookie)));
        using var byAddress = _counts.AttemptAcquire(new Count("a:" + address, perAddress, window));
        if (!byAddress.IsAcquired)
        {
            return TimeSpan.FromMinutes(window);
        }

        using var byBrowser = _counts.AttemptAcquire(new Count("b:" + browser, perBrowser, window));
        return byBrowser.IsAcquired ? null : TimeSpan.FromMinutes(window);
    }

    public void Dispose() => _counts.Dispose();

    /// <summary>One browser's or address's count under the limits that hold now.</summary>
    private readonly record struct Count(string Client, int Permits, int WindowMinutes);
}
