using System.Net;
using LiaisonSite.Tests.Infrastructure;

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
    public async Task Login_AfterFiveWrongPasswords_RefusesTheRightPasswordWithLockoutMessage()
    {
        var client = site.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            await Login(client, "locked1", "wrong-password-" + i);
        }

        var response = await Login(client, "locked1", SiteFactory.DemoPassword);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该账号已被锁定，请 15 分钟后再试。", html);
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
