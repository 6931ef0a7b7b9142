using System.Net;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Users;

public sealed class AccountTests(UsersSiteFactory site) : IClassFixture<UsersSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_WhenAnonymous_RedirectsToLoginWithReturnUrl()
    {
        var response = await site.CreateBrowserClient().GetAsync("/admin", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fadmin", response.Headers.Location?.PathAndQuery());
    }

    [Fact]
    public async Task Login_WithRightPassword_RedirectsToLocalReturnUrlAndOpensAdmin()
    {
        var client = site.CreateBrowserClient();

        var response = await Login(client, "member1", SiteFactory.DemoPassword, "/admin?x=1");
        var landing = await client.GetAsync("/admin", Ct);
        var admin = await client.GetAsync("/admin/my-work", Ct);

        Assert.Equal("/admin?x=1", response.Headers.Location?.OriginalString);
        // A user who is only a member lands on their own work rather than the dashboard.
        Assert.Equal("/admin/my-work", landing.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("党员一", await admin.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Login_WithEmailAndForeignReturnUrl_RedirectsToAdminNotAway()
    {
        var response = await Login(site.CreateBrowserClient(), "member1@example.edu.cn", SiteFactory.DemoPassword, "https://evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WithWrongPasswordOrUnknownUser_ShowsTheSameGenericError()
    {
        var wrong = await Login(site.CreateBrowserClient(), "member1", "wrong-password-1");
        var unknown = await Login(site.CreateBrowserClient(), "nobody", "wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("用户名或密码错误。", await wrong.Content.ReadAsStringAsync(Ct));
        Assert.Contains("用户名或密码错误。", await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_RefusesTheRightPasswordWithTheAnswerAnUnknownUserGets()
    {
        var client = site.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            await Login(client, "locked1", "wrong-password-" + i);
        }

        var locked = await Login(client, "locked1", SiteFactory.DemoPassword);
        var unknown = await Login(site.CreateBrowserClient(), "nobody-at-all", SiteFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(ErrorSummary(await unknown.Content.ReadAsStringAsync(Ct)), ErrorSummary(await locked.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("连续 5 次登录失败后，账号将被锁定 15 分钟。", ErrorSummary(await locked.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.Redirect, (await Login(site.CreateBrowserClient(), "member1", SiteFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Login_ForAnUnknownUser_TakesAsLongAsAWrongPasswordForARealOne()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>();
            Assert.True((await users.CreateAsync(new LiaisonUser { UserName = "timing1", Email = "timing1@example.edu.cn" }, SiteFactory.DemoPassword)).Succeeded);
        }

        // Four rounds, so the real account (locked at five failures) is never locked; the first round warms up.
        var real = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            real.Add(await TimeAsync("timing1"));
            unknown.Add(await TimeAsync("nobody-" + i));
        }

        var realMedian = real.Skip(1).Order().ElementAt(1);
        var unknownMedian = unknown.Skip(1).Order().ElementAt(1);
        Assert.True(unknownMedian > realMedian * 0.5 && unknownMedian < realMedian * 2,
            $"unknown user {unknownMedian:F0} ms, real user with a wrong password {realMedian:F0} ms");
    }

    [Fact]
    public async Task AdminUsers_ForMember_IsForbiddenWithFriendlyPage()
    {
        var client = await site.SignInAsync("member1");

        var response = await client.GetAsync("/admin/users", Ct);
        var denied = await client.GetAsync(response.Headers.Location, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("您的账号没有打开此页面的权限。", await denied.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var client = await site.SignInAsync("member1");

        var logout = await SiteFactory.PostFormAsync(client, "/admin/my-work", "/logout", []);
        var admin = await client.GetAsync("/admin", Ct);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/login", admin.Headers.Location?.PathAndQuery());
    }

    /// <summary>The form's error summary (the part of the page that answers the attempt).</summary>
    private static string ErrorSummary(string html)
        => System.Text.RegularExpressions.Regex.Match(html, "<div class=\"alert alert-danger[^\"]*\"[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

    /// <summary>Milliseconds the site takes to refuse a wrong password for the name (the form page is fetched first, untimed).</summary>
    private async Task<double> TimeAsync(string userName)
    {
        var client = site.CreateBrowserClient();
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/login", Ct));
        var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = "wrong-password-1", ["__RequestVerificationToken"] = token,
        });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.PostAsync("/login", body, Ct);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return SiteFactory.PostFormAsync(client, "/login", "/login", fields);
    }
}

internal static class UriExtensions
{
    /// <summary>Path and query of a relative or absolute Location header.</summary>
    public static string? PathAndQuery(this Uri uri)
        => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
