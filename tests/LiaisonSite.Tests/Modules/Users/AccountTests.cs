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

    [Theory]
    [InlineData("nobody-at-all")]
    [InlineData("timing1")]
    [InlineData("timing1-locked")]
    public async Task SignIn_ForAnUnknownRealOrLockedName_VerifiesExactlyOnePasswordHash(string userName)
    {
        // The time of an answer is the time of its password hash: counting hashes says what a stopwatch would,
        // without depending on how busy the machine is.
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>();
        if (userName != "nobody-at-all" && await users.FindByNameAsync(userName) is null)
        {
            var user = new LiaisonUser { UserName = userName, Email = userName + "@example.edu.cn" };
            Assert.True((await users.CreateAsync(user, SiteFactory.DemoPassword)).Succeeded);
            if (userName.EndsWith("-locked", StringComparison.Ordinal))
            {
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
            }
        }

        var counting = new CountingHasher(users.PasswordHasher);
        users.PasswordHasher = counting;
        var signIn = (Liaison.Users.Account.LiaisonSignInManager)scope.ServiceProvider.GetRequiredService<SignInManager<LiaisonUser>>();
        signIn.Context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };

        var attempt = await signIn.SignInByNameOrEmailAsync(userName, "wrong-password-1", isPersistent: false);

        Assert.False(attempt.Result.Succeeded);
        Assert.Equal(1, counting.Verifications);
    }

    private sealed class CountingHasher(IPasswordHasher<LiaisonUser> inner) : IPasswordHasher<LiaisonUser>
    {
        public int Verifications { get; private set; }

        public string HashPassword(LiaisonUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(LiaisonUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
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
