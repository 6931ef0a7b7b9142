using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Liaison.Users.RolesAdmin;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Users;

/// <summary>
/// Finding 1 of the penetration test: the committee administrator could make an Administrator and reset the admin's
/// password. Nobody gives or takes away a role or permission they do not hold; only an Administrator manages
/// Administrator accounts. Each test works on accounts and roles of its own.
/// </summary>
public sealed class GrantRulesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateUser_WithAdministratorRole_ByCommitteeAdmin_Is403AndCreatesNothing()
    {
        var committee = await site.SignInAsync("committee1");

        var response = await PostAsync(committee, "/admin/users/create",
            [("UserName", "takeover1"), ("Email", "takeover1@example.edu.cn"), ("NewPassword", "Takeover-pass-1"), ("IsEnabled", "true"),
             ("Roles", RoleNames.Administrator)]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await FindAsync("takeover1"));
    }

    [Fact]
    public async Task EditAdministrator_WithNewPassword_ByCommitteeAdmin_Is403AndKeepsThePassword()
    {
        var committee = await site.SignInAsync("committee1");
        var adminId = (await FindAsync(SiteFactory.AdminUserName))!.Id;

        var form = await committee.GetAsync($"/admin/users/{adminId}/edit", Ct);
        var response = await PostAsync(committee, $"/admin/users/{adminId}/edit",
            [("Email", "evil@example.edu.cn"), ("IsEnabled", "true"), ("NewPassword", "Taken-over-1"), ("Roles", RoleNames.Administrator)]);

        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await InScopeAsync(async users =>
        {
            var admin = (await users.FindByIdAsync(adminId))!;
            Assert.True(await users.CheckPasswordAsync(admin, SiteFactory.AdminPassword));
            Assert.Equal("admin@example.edu.cn", admin.Email);
        });
    }

    [Fact]
    public async Task DeleteAdministrator_ByCommitteeAdmin_Is403AndKeepsTheAccount()
    {
        var committee = await site.SignInAsync("committee1");
        var adminId = (await FindAsync(SiteFactory.AdminUserName))!.Id;

        var response = await PostAsync(committee, $"/admin/users/{adminId}/delete", []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(await FindAsync(SiteFactory.AdminUserName));
    }

    [Fact]
    public async Task EditOwnAccount_AddingAdministrator_ByCommitteeAdmin_Is403AndKeepsTheRoles()
    {
        await CreateUserAsync("grant-committee1", RoleNames.CommitteeAdmin);
        var self = await site.SignInAsync("grant-committee1");
        var id = (await FindAsync("grant-committee1"))!.Id;

        var response = await PostAsync(self, $"/admin/users/{id}/edit",
            [("Email", "grant-committee1@example.edu.cn"), ("IsEnabled", "true"), ("Roles", RoleNames.CommitteeAdmin), ("Roles", RoleNames.Administrator)]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal([RoleNames.CommitteeAdmin], await RolesAsync("grant-committee1"));
    }

    [Fact]
    public async Task EditUser_GivingARoleTheCommitteeHolds_ByCommitteeAdmin_IsSaved()
    {
        await CreateUserAsync("grant-member1", RoleNames.Member);
        var committee = await site.SignInAsync("committee1");
        var id = (await FindAsync("grant-member1"))!.Id;

        var response = await PostAsync(committee, $"/admin/users/{id}/edit",
            [("Email", "grant-member1@example.edu.cn"), ("IsEnabled", "true"), ("Roles", RoleNames.Member), ("Roles", RoleNames.Editor)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([RoleNames.Editor, RoleNames.Member], (await RolesAsync("grant-member1")).Order());
    }

    [Fact]
    public async Task UsersPage_ForCommitteeAdmin_OffersNeitherTheAdministratorRoleNorTheAdminAccount()
    {
        var committee = await site.SignInAsync("committee1");
        var adminId = (await FindAsync(SiteFactory.AdminUserName))!.Id;

        var create = await committee.GetStringAsync("/admin/users/create", Ct);
        var list = await committee.GetStringAsync("/admin/users?q=admin", Ct);

        Assert.DoesNotContain($"value=\"{RoleNames.Administrator}\"", create);
        Assert.Contains($"value=\"{RoleNames.Editor}\"", create);
        Assert.DoesNotContain($"/admin/users/{adminId}/edit", list);
    }

    [Fact]
    public async Task RemoveAdministratorRole_FromTheLastAdministrator_IsRefused()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var adminId = (await FindAsync(SiteFactory.AdminUserName))!.Id;

        var response = await PostAsync(admin, $"/admin/users/{adminId}/edit",
            [("Email", "admin@example.edu.cn"), ("IsEnabled", "true"), ("Roles", RoleNames.CommitteeAdmin)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("最后一位系统管理员", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal([RoleNames.Administrator], await RolesAsync(SiteFactory.AdminUserName));
    }

    [Fact]
    public async Task RolesPage_AddingAPermissionTheEditorDoesNotHold_Is403AndChangesNothing()
    {
        await CreateRoleUserAsync("RoleKeeper1", "grant-roles1", "Admin.Access", "Roles.Manage", "Contents.Preview");
        await CreateRoleAsync("Target1", "Admin.Access");
        var client = await site.SignInAsync("grant-roles1");

        var escalate = await PostAsync(client, "/admin/roles/Target1/edit", [("Permissions", "Admin.Access"), ("Permissions", "Users.Manage")]);
        var ownRole = await PostAsync(client, "/admin/roles/RoleKeeper1/edit",
            [("Permissions", "Admin.Access"), ("Permissions", "Roles.Manage"), ("Permissions", "Contents.Preview"), ("Permissions", "Settings.Manage")]);
        var allowed = await PostAsync(client, "/admin/roles/Target1/edit", [("Permissions", "Admin.Access"), ("Permissions", "Contents.Preview")]);

        Assert.Equal(HttpStatusCode.Forbidden, escalate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownRole.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal(["Admin.Access", "Contents.Preview"], (await GrantsAsync("Target1")).Order());
        Assert.Equal(["Admin.Access", "Contents.Preview", "Roles.Manage"], (await GrantsAsync("RoleKeeper1")).Order());
    }

    [Fact]
    public async Task RolesPage_SavingARoleWithPermissionsTheEditorDoesNotHold_KeepsThem()
    {
        await CreateRoleUserAsync("RoleKeeper2", "grant-roles2", "Admin.Access", "Roles.Manage");
        await CreateRoleAsync("Target2", "Admin.Access", "Users.Manage");
        var client = await site.SignInAsync("grant-roles2");

        // The form shows Users.Manage disabled, so it is not posted: it is kept, not taken away.
        var form = await client.GetStringAsync("/admin/roles/Target2/edit", Ct);
        var response = await PostAsync(client, "/admin/roles/Target2/edit", [("Permissions", "Roles.Manage")]);

        Assert.Matches("value=\"Users.Manage\"[^>]*disabled", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Roles.Manage", "Users.Manage"], (await GrantsAsync("Target2")).Order());
    }

    [Fact]
    public async Task RecipeImport_ByNonAdministrator_GivingAdministratorOrUnheldPermissions_ChangesNothing()
    {
        await CreateRoleUserAsync("RecipeRunner", "grant-recipes1", "Admin.Access", "Recipes.Import");
        var client = await site.SignInAsync("grant-recipes1");

        var users = await ImportAsync(client, """
            {"name":"t","steps":[{"name":"Users","Users":[{"UserName":"grant-takeover2","Email":"t2@example.edu.cn","Password":"Takeover-pass-2","Roles":["Administrator"]}]}]}
            """);
        var admin = await ImportAsync(client, """
            {"name":"t","steps":[{"name":"Users","Users":[{"UserName":"admin","Email":"evil@example.edu.cn"}]}]}
            """);
        var roles = await ImportAsync(client, """
            {"name":"t","steps":[{"name":"Roles","Roles":[{"Name":"RecipeRunner","Permissions":["Admin.Access","Recipes.Import","Users.Manage"]}]}]}
            """);

        Assert.Contains("不能授予它", users);
        Assert.Contains("该账号拥有您本人没有的角色", admin);
        Assert.Contains("您本人没有权限“Users.Manage”", roles);
        Assert.Null(await FindAsync("grant-takeover2"));
        Assert.Equal("admin@example.edu.cn", (await FindAsync(SiteFactory.AdminUserName))!.Email);
        Assert.Equal(["Admin.Access", "Recipes.Import"], (await GrantsAsync("RecipeRunner")).Order());
    }

    /// <summary>Uploads a recipe on the import page and returns the message shown after the redirect.</summary>
    private static async Task<string> ImportAsync(HttpClient client, string json)
    {
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/admin/recipes", Ct));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "recipeFile", "grants.recipe.json");
        var response = await client.PostAsync("/admin/recipes/import", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync("/admin/recipes", Ct);
        Assert.Contains("配方未导入", page);
        return page;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, (string Name, string Value)[] fields)
    {
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/admin/my-work", Ct));
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(body), Ct);
    }

    private async Task CreateUserAsync(string userName, params string[] roles) => await InScopeAsync(async users =>
    {
        var user = new LiaisonUser { UserName = userName, Email = userName + "@example.edu.cn", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, SiteFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
    });

    private async Task CreateRoleAsync(string role, params string[] permissions)
    {
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<RoleManager<LiaisonRole>>().CreateAsync(new LiaisonRole(role))).Succeeded);
        await scope.ServiceProvider.GetRequiredService<RolePermissionsEditor>().ReplaceAsync(role, permissions);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
    }

    private async Task CreateRoleUserAsync(string role, string userName, params string[] permissions)
    {
        await CreateRoleAsync(role, permissions);
        await CreateUserAsync(userName, role);
    }

    private async Task<List<string>> GrantsAsync(string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return [.. await scope.ServiceProvider.GetRequiredService<RolePermissionsEditor>().GetGrantsAsync(role)];
    }

    private async Task<LiaisonUser?> FindAsync(string userName)
    {
        LiaisonUser? found = null;
        await InScopeAsync(async users => found = await users.FindByNameAsync(userName));
        return found;
    }

    private async Task<IList<string>> RolesAsync(string userName)
    {
        IList<string> roles = [];
        await InScopeAsync(async users => roles = await users.GetRolesAsync((await users.FindByNameAsync(userName))!));
        return roles;
    }

    private async Task InScopeAsync(Func<UserManager<LiaisonUser>, Task> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>());
    }
}
