using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Token_ForALockedAccount_AnswersExactlyAsForAnUnknownUser()
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>();
            var user = new LiaisonUser { UserName = "token-locked1", Email = "token-locked1@example.edu.cn" };
            Assert.True((await users.CreateAsync(user, SiteFactory.DemoPassword)).Succeeded);
        }

        var client = site.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/token", new { userName = "token-locked1", password = "wrong-password-" + i }, Ct);
        }

        var locked = await client.PostAsJsonAsync("/api/token", new { userName = "token-locked1", password = SiteFactory.DemoPassword }, Ct);
        var unknown = await client.PostAsJsonAsync("/api/token", new { userName = "token-nobody1", password = SiteFactory.DemoPassword }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(Detail(await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)), Detail(await locked.Content.ReadFromJsonAsync<JsonElement>(Ct)));
    }

    private static string? Detail(JsonElement problem) => problem.GetProperty("detail").GetString();

    [Theory]
    [InlineData("token-disabled1", false, "CommitteeAdmin")]
    [InlineData("token-roles1", true, "Member")]
    public async Task Token_AfterTheAccountIsDisabledOrItsRolesChange_AuthenticatesNobodyAtOnce(string userName, bool enabled, string newRole)
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>();
            var created = new LiaisonUser { UserName = userName, Email = userName + "@example.edu.cn", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(created, SiteFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(created, RoleNames.CommitteeAdmin)).Succeeded);
        }

        var token = await TokenAsync(userName);
        var before = await WithTokenAsync(token, "/admin/users");
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var id = await IdAsync(userName);
        var form = SiteFactory.AntiforgeryToken(await admin.GetStringAsync($"/admin/users/{id}/edit", Ct));
        var save = await admin.PostAsync($"/admin/users/{id}/edit", new FormUrlEncodedContent(
        [
            new("Email", userName + "@example.edu.cn"), new("IsEnabled", enabled ? "true" : "false"), new("Roles", newRole),
            new("__RequestVerificationToken", form),
        ]), Ct);
        var after = await WithTokenAsync(token, "/admin/users");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private async Task<string> TokenAsync(string userName)
    {
        var response = await site.CreateClient().PostAsJsonAsync("/api/token", new { userName, password = SiteFactory.DemoPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString()!;
    }

    private async Task<HttpResponseMessage> WithTokenAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await site.CreateBrowserClient().SendAsync(request, Ct);
    }

    private async Task<string> IdAsync(string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>().FindByNameAsync(userName))!.Id;
    }
}
