using System.Net;
using System.Text.RegularExpressions;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Quality;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LiaisonSite.Tests.Security;

/// <summary>
/// Guard 15: the security headers are on every response — public and admin pages, redirects, errors, files, the API,
/// and pages served from the output cache — and no view runs a script the policy would have to allow inline.
/// </summary>
public sealed partial class SecurityHeadersTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/examples")]
    [InlineData("/login")]
    [InlineData("/admin")]
    [InlineData("/no-such-page")]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css")]
    [InlineData("/api/content?type=TypicalExample")]
    [InlineData("/sitemap.xml")]
    [InlineData("/health")]
    public async Task Response_CarriesTheSecurityHeaders(string path)
    {
        var response = await site.CreateBrowserClient().GetAsync(path, Ct);

        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only over HTTPS");
    }

    [Fact]
    public async Task SignedInAdminPage_CarriesTheSecurityHeaders()
    {
        var client = await site.SignInAsync("editor1");

        var response = await client.GetAsync("/admin/contents/new/TypicalExample", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task PageFromTheOutputCache_CarriesTheSecurityHeaders()
    {
        var client = site.CreateClient();
        const string path = "/news?headers=cached";

        await client.GetAsync(path, Ct);
        var cached = await client.GetAsync(path, Ct);

        Assert.True(cached.Headers.Age.HasValue, "The second response should come from the output cache.");
        AssertSecurityHeaders(cached);
    }

    [Fact]
    public async Task OverHttps_StrictTransportSecurityIsAdded()
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/", Ct);

        AssertSecurityHeaders(response);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public void Views_HaveNoInlineScriptsHandlersOrJavascriptUrls()
    {
        var problems = new List<string>();
        foreach (var file in SourceTree.Files("src", ".cshtml"))
        {
            var text = File.ReadAllText(file);
            problems.AddRange(InlineScript().Matches(text).Select(m => $"{SourceTree.Relative(file)}: inline <script> without the request's nonce: {m.Value}"));
            problems.AddRange(Handler().Matches(text).Select(m => $"{SourceTree.Relative(file)}: inline handler {m.Value}"));
            problems.AddRange(JavascriptUrl().Matches(text).Select(m => $"{SourceTree.Relative(file)}: {m.Value}"));
        }

        Assert.NotEmpty(SourceTree.Files("src", ".cshtml"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        var script = Regex.Match(csp, "script-src ([^;]+)").Groups[1].Value;
        Assert.Contains("'self'", script);
        Assert.DoesNotContain("unsafe-inline", script);
        Assert.DoesNotContain("unsafe-eval", script);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header");

    /// <summary>A script element without src, unless it carries the request's nonce.</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=""@Context\.CspNonce\(\)"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\s(on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex(@"(href|src|action)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();
}
