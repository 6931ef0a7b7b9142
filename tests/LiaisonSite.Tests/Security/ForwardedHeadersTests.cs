using System.Net;
using System.Text.RegularExpressions;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Notices;
using Microsoft.AspNetCore.Hosting;

namespace LiaisonSite.Tests.Security;

/// <summary>The demo site behind one configured proxy (10.0.0.5), with a base URL and two objections per window.</summary>
public sealed class ProxiedSiteFactory : SiteFactory
{
    public const string Proxy = "10.0.0.5";
    public const string BaseUrl = "https://dangjian.example.edu.cn";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:ForwardedHeaders:KnownProxies"] = Proxy,
        ["Liaison:BaseUrl"] = BaseUrl,
        ["Liaison:Notices:ObjectionsPerWindow"] = "2",
        ["Liaison:Notices:ObjectionsPerAddressPerWindow"] = "2", // these tests are about the address the limit sees
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClientAddress.AddTo(builder);
    }
}

/// <summary>The plain site with no proxy and no base URL configured.</summary>
public sealed class UnproxiedSiteFactory() : SiteFactory("liaison")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClientAddress.AddTo(builder);
    }
}

/// <summary>
/// Finding 7: forwarded headers were believed from any client, so a forged X-Forwarded-For escaped the objection limit
/// and a forged X-Forwarded-Host changed canonical and feed URLs. Now only configured proxies (and loopback) are
/// believed, and Liaison:BaseUrl fixes every absolute URL.
/// </summary>
public sealed class ForwardedHeadersTests(ProxiedSiteFactory site) : IClassFixture<ProxiedSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Objections_FromOneClientForgingADifferentForwardedForEachTime_AreStillLimited()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var client = ClientAddress.Client(site, "203.0.113.21", forwardedFor: $"198.51.100.{i + 1}");
            statuses.Add((await PostObjectionAsync(client, i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Objections_ThroughTheConfiguredProxy_AreLimitedPerOriginalClient()
    {
        var first = ClientAddress.Client(site, ProxiedSiteFactory.Proxy, forwardedFor: "198.51.100.31");
        var second = ClientAddress.Client(site, ProxiedSiteFactory.Proxy, forwardedFor: "198.51.100.32");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await PostObjectionAsync(first, i)).StatusCode);
        }

        var other = await PostObjectionAsync(second, 0);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Theory]
    [InlineData("/", "<link rel=\"canonical\" href=\"(?<url>[^\"]+)\"")]
    [InlineData("/examples", "<meta property=\"og:url\" content=\"(?<url>[^\"]+)\"")]
    [InlineData("/news/rss", "<link>(?<url>[^<]+)</link>")]
    [InlineData("/sitemap.xml", "<loc>(?<url>[^<]+)</loc>")]
    [InlineData("/robots.txt", "Sitemap: (?<url>\\S+)")]
    public async Task AbsoluteUrls_WithAForgedHostFromAnyone_UseTheConfiguredBaseUrl(string path, string pattern)
    {
        foreach (var remote in new[] { "203.0.113.41", ProxiedSiteFactory.Proxy })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(ClientAddress.Header, remote);
            request.Headers.Add("X-Forwarded-Host", "evil.example");
            request.Headers.Host = "evil2.example";
            var body = await (await site.CreateClient().SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);

            var urls = Regex.Matches(body, pattern).Select(m => m.Groups["url"].Value).ToList();
            Assert.NotEmpty(urls);
            Assert.All(urls, url => Assert.StartsWith(ProxiedSiteFactory.BaseUrl + "/", url));
            Assert.DoesNotContain("evil", body);
        }
    }

    private static Task<HttpResponseMessage> PostObjectionAsync(HttpClient client, int i)
        => DemoNotices.PostObjectionAsync(client, DemoNotices.OpenPath, DemoNotices.OpenId, new()
        {
            ["Anonymous"] = "true",
            ["Text"] = $"第{i + 1}条意见：请核实公示对象的培养考察材料。",
        });
}

/// <summary>Without a base URL, absolute URLs follow the request, but never a forwarded host from a non-proxy.</summary>
public sealed class UnproxiedForwardedHeadersTests(UnproxiedSiteFactory site) : IClassFixture<UnproxiedSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Robots_WithAForgedForwardedHostFromAClient_NamesTheRequestsOwnHost()
    {
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/robots.txt");
        forged.Headers.Add("X-Forwarded-Host", "evil.example");
        forged.Headers.Add("X-Forwarded-Proto", "https");
        using var local = new HttpRequestMessage(HttpMethod.Get, "/robots.txt");
        local.Headers.Add(ClientAddress.Header, "127.0.0.1");
        local.Headers.Add("X-Forwarded-Host", "dangjian.example.edu.cn");
        local.Headers.Add("X-Forwarded-Proto", "https");

        var client = site.CreateClient();
        var ignored = await (await client.SendAsync(forged, Ct)).Content.ReadAsStringAsync(Ct);
        var believed = await (await client.SendAsync(local, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", ignored);
        Assert.DoesNotContain("evil", ignored);
        Assert.Contains("Sitemap: https://dangjian.example.edu.cn/sitemap.xml", believed);
    }
}
