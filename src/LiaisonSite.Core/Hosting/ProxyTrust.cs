using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Core.Hosting;

/// <summary>
/// X-Forwarded-For/-Proto/-Host are believed only from the proxies named in Liaison:ForwardedHeaders:KnownProxies
/// (addresses) and Liaison:ForwardedHeaders:KnownNetworks (CIDR ranges) and from loopback, which is always trusted
/// (a proxy on the same machine). From anyone else they are ignored: a client could otherwise choose its own IP (and
/// escape every per-IP limit) or the host in the site's absolute URLs. Each key takes a list (…:KnownProxies:0, …:1)
/// or one comma-separated value (Liaison__ForwardedHeaders__KnownProxies=10.0.0.11,10.0.0.12).
/// </summary>
public static class ProxyTrust
{
    public const string Section = "Liaison:ForwardedHeaders";

    internal static void AddLiaisonProxyTrust(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "KnownProxies").Select(v => IPAddress.TryParse(v, out var ip)
            ? ip
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{v}' is not an IP address.")).ToList();
        var networks = Values(configuration, "KnownNetworks").Select(v => System.Net.IPNetwork.TryParse(v, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{v}' is not a network such as 10.0.0.0/24.")).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;

            // The framework's defaults (127.0.0.0/8 and ::1; IPv4-mapped addresses are matched as IPv4) stay; the
            // configured proxies are added to them.
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(Section + ":" + key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

/// <summary>
/// The site's public address for absolute URLs (canonical link, og:url, og:image, feeds, sitemap, robots.txt):
/// Liaison:BaseUrl when set (e.g. https://dangjian.example.edu.cn), else the request's scheme, host and path base
/// (as trusted forwarded headers left them). Set it in production: then no request header can change these URLs.
/// </summary>
public sealed class PublicOrigin
{
    public const string Key = "Liaison:BaseUrl";

    private PublicOrigin(string? baseUrl) => BaseUrl = baseUrl;

    /// <summary>The configured base URL without a trailing slash, or null.</summary>
    public string? BaseUrl { get; }

    public string For(HttpRequest request) => BaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static PublicOrigin FromConfiguration(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new PublicOrigin(null);
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException($"{Key} is '{value}'; it must be an absolute http(s) address such as https://dangjian.example.edu.cn.");
        }

        return new PublicOrigin(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }
}

public static class PublicOriginExtensions
{
    /// <summary>"https://host[/base]" for absolute URLs: see <see cref="PublicOrigin"/>.</summary>
    public static string PublicOrigin(this HttpRequest request)
        => request.HttpContext.RequestServices.GetRequiredService<PublicOrigin>().For(request);
}
