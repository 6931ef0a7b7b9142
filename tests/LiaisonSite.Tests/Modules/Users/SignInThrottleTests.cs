using System.Net;
using System.Net.Http.Json;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace LiaisonSite.Tests.Modules.Users;

/// <summary>The users test site with the sign-in limit at five attempts per client address.</summary>
public sealed class ThrottledSiteFactory() : SiteFactory(Path.Combine(AppContext.BaseDirectory, "TestData", "Users", "users.recipe.json"))
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:SignIn:AttemptsPerWindow"] = "5",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClientAddress.AddTo(builder);
    }
}

/// <summary>
/// Finding 11: five wrong passwords from anyone locked any account, and nothing stopped one client from doing that to
/// every account. Sign-in attempts (/login and /api/token together) are now limited per client address.
/// </summary>
public sealed class SignInThrottleTests(ThrottledSiteFactory site) : IClassFixture<ThrottledSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_FromOneAddressPastTheLimit_Is429ThereButNotForOthersAndLocksNoFurtherAccount()
    {
        var attacker = ClientAddress.Client(site, "198.51.100.61");
        var statuses = new List<HttpStatusCode>();
        foreach (var name in new[] { "member1", "locked1", "staff1", "staff2", "api1" })
        {
            statuses.Add((await LoginAsync(attacker, name, "wrong-password-1")).StatusCode);
        }

        var sixth = await LoginAsync(attacker, "member1", "wrong-password-1");
        var token = await attacker.PostAsJsonAsync("/api/token", new { userName = "api1", password = "wrong-password-1" }, Ct);
        var someoneElse = await LoginAsync(ClientAddress.Client(site, "198.51.100.62"), "member1", SiteFactory.DemoPassword);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("登录尝试过于频繁", await sixth.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, someoneElse.StatusCode);
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password)
    {
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/login", Ct));
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }), Ct);
    }
}
