using System.Net;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Users;

public sealed class UsersAdminTests(UsersSiteFactory site) : IClassFixture<UsersSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RolePermissions_ChangedOnRolesPage_TakeEffectForSignedInUser()
    {
        var staff = await site.SignInAsync("staff1");
        var before = await staff.GetAsync("/admin/settings", Ct);
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var save = await PostAsync(admin, "/admin/roles/Staff/edit", [("Permissions", "Admin.Access"), ("Permissions", "Settings.Manage")]);
        var after = await staff.GetAsync("/admin/settings", Ct);

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task UserRoles_ChangedByAdmin_EndTheOpenSessionAndApplyAtNextSignIn()
    {
        var staff = await site.SignInAsync("staff2");
        var before = await staff.GetAsync("/admin/users", Ct);
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var id = await UserIdAsync("staff2");

        var save = await PostAsync(admin, $"/admin/users/{id}/edit",
            [("Email", "staff2@example.edu.cn"), ("IsEnabled", "true"), ("Roles", "Staff"), ("Roles", "CommitteeAdmin")]);
        var stale = await staff.GetAsync("/admin/users", Ct);
        var after = await (await site.SignInAsync("staff2")).GetAsync("/admin/users", Ct);

        Assert.StartsWith("/access-denied", before.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.StartsWith("/login", stale.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task UsersList_Search_ShowsMatchingUsersWithTheirRoles()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var html = await admin.GetStringAsync("/admin/users?q=member", Ct);

        Assert.Contains("member1", html);
        Assert.Contains("党员", html);
        Assert.DoesNotContain("staff1", html);
    }

    [Fact]
    public async Task CreateUser_WithWeakPassword_ShowsIdentityErrorAndCreatesNothing()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var response = await PostAsync(admin, "/admin/users/create",
            [("UserName", "weak1"), ("Email", "weak1@example.edu.cn"), ("NewPassword", "short"), ("IsEnabled", "true")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await UserIdAsync("weak1"));
    }

    [Fact]
    public async Task DeleteUser_Yourself_IsRefused()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var id = await UserIdAsync(SiteFactory.AdminUserName);

        await PostAsync(admin, $"/admin/users/{id}/delete", []);

        Assert.NotNull(await UserIdAsync(SiteFactory.AdminUserName));
    }

    [Fact]
    public async Task DeleteRole_BuiltIn_IsRefused()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        await PostAsync(admin, "/admin/roles/Editor/delete", []);
        var roles = await admin.GetStringAsync("/admin/roles", Ct);

        Assert.Contains("/admin/roles/Editor/edit", roles);
        Assert.Contains("内置角色不能删除。", roles);
    }

    private async Task<string?> UserIdAsync(string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>().FindByNameAsync(userName))?.Id;
    }

    /// <summary>Posts repeated fields (checkbox lists) with the antiforgery token of an admin page.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, (string Name, string Value)[] fields)
    {
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/admin/roles/create", Ct));
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(body), Ct);
    }
}
