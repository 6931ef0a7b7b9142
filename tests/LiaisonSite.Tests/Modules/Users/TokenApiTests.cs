using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Users;

public sealed class TokenApiTests(UsersSiteFactory site) : IClassFixture<UsersSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_ForRightCredentials_AuthenticatesLaterRequests()
    {
        var client = site.CreateBrowserClient();
        var response = await client.PostAsJsonAsync("/api/token", new { userName = "api1", password = SiteFactory.DemoPassword }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var token = body.GetProperty("accessToken").GetString();

        var anonymous = await site.CreateBrowserClient().GetAsync("/admin/users", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var authenticated = await site.CreateBrowserClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
    }

    [Fact]
    public async Task Token_ForWrongPassword_Is401WithoutToken()
    {
        var response = await site.CreateClient().PostAsJsonAsync("/api/token", new { userName = "api1", password = "wrong-password-1" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(Ct));
    }
}
