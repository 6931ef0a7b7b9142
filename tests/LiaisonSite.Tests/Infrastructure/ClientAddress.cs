using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Infrastructure;

/// <summary>
/// The test server has no network connection: this gives each request the remote address named by the test header
/// <see cref="Header"/> (default <see cref="Default"/>, a public address that is no proxy) before the site's pipeline
/// runs, so forwarded-header trust and per-IP limits see a real client address.
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Ip";
    public static readonly IPAddress Default = IPAddress.Parse("203.0.113.5");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var ip)
                ? ip
                : Default;
            context.Request.Headers.Remove(Header);
            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>Adds the filter to a site factory's host.</summary>
    public static void AddTo(IWebHostBuilder builder)
        => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddress>());

    /// <summary>A cookie-keeping, non-redirecting client whose requests come from <paramref name="remote"/>.</summary>
    public static HttpClient Client(SiteFactory site, string remote, string? forwardedFor = null)
    {
        var client = site.CreateBrowserClient();
        client.DefaultRequestHeaders.Add(Header, remote);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }
}
