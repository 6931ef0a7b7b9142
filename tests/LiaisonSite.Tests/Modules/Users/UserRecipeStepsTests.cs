using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Users;

public sealed class UserRecipeStepsTests(UsersSiteFactory site) : IClassFixture<UsersSiteFactory>
{
    [Fact]
    public async Task RolesStep_RunTwice_CreatesTheRoleOnceAndReplacesItsPermissions()
    {
        const string recipe = """{"name":"t","steps":[{"name":"Roles","Roles":[{"Name":"Auditor","Description":"审计","Permissions":["Admin.Access","Users.Manage"]}]}]}""";
        const string narrower = """{"name":"t","steps":[{"name":"Roles","Roles":[{"Name":"Auditor","Permissions":["Admin.Access"]}]}]}""";

        await RunAsync(recipe);
        await RunAsync(recipe);
        var afterTwice = await GrantsAsync("Auditor");
        await RunAsync(narrower);

        Assert.Equal(["Admin.Access", "Users.Manage"], afterTwice.Order());
        Assert.Equal(["Admin.Access"], await GrantsAsync("Auditor"));
        Assert.Equal(1, await InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<RoleManager<LiaisonRole>>().Roles.Count(r => r.Name == "Auditor"))));
    }

    /// <summary>Issue 16 item 8: an unknown permission is left out and reported naming role and permission, not refused.</summary>
    [Fact]
    public async Task RolesStep_WithUnknownPermission_ReportsItNamingRoleAndPermission_AndGrantsTheRest()
    {
        var result = await RunAsync(
            """{"name":"t","steps":[{"name":"Roles","Roles":[{"Name":"Ghost","Permissions":["Admin.Access","Contents.Fly"]}]}]}""");

        var note = Assert.Single(result.Report.Notes);
        Assert.Equal(RecipeNoteKind.Dropped, note.Kind);
        Assert.Contains("Ghost", note.Message);
        Assert.Contains("Contents.Fly", note.Message);
        Assert.Equal(["Admin.Access"], await GrantsAsync("Ghost"));
    }

    /// <summary>Issue 16 item 8: Orchard Core's permission names are mapped to this site's; unknown Orchard ones are reported.</summary>
    [Fact]
    public async Task RolesStep_WithOrchardPermissionNames_MapsThemToOurs()
    {
        var result = await RunAsync("""
            {"name":"orchard-roles","steps":[{"name":"Roles","Roles":[{"Name":"OrchardAuthor","Description":"Author","Permissions":[
              "ViewContent","EditOwnContent","PublishOwnContent","DeleteOwnContent","AccessAdminPanel","ManageMediaContent",
              "ManageOwnMedia","ViewOwnContent","ManageLayers","EditContent_BlogPost"]}]}]}
            """);

        Assert.Equal(
            ["Admin.Access", "Contents.DeleteOwn", "Contents.EditOwn", "Contents.PublishOwn", "Contents.View", "Contents.ViewSecurable", "Media.Upload"],
            (await GrantsAsync("OrchardAuthor")).Order(StringComparer.Ordinal));
        Assert.Equal(["EditContent_BlogPost", "ManageLayers", "ViewOwnContent"],
            result.Report.Notes.Select(n => n.Message.Split('\'')[3]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UsersStep_RunAgainWithAnotherPassword_KeepsThePasswordAndSetsRoles()
    {
        const string first = """{"name":"t","steps":[{"name":"Users","Users":[{"UserName":"recipe1","Email":"r1@example.edu.cn","Password":"First-pass-1","Roles":["Editor"]}]}]}""";
        const string second = """{"name":"t","steps":[{"name":"Users","Users":[{"UserName":"recipe1","Email":"r1@example.edu.cn","DisplayName":"编辑一","Password":"Other-pass-2","Roles":["Member"]}]}]}""";

        await RunAsync(first);
        await RunAsync(second);

        await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LiaisonUser>>();
            var user = await users.FindByNameAsync("recipe1");
            Assert.NotNull(user);
            Assert.Equal("编辑一", user.DisplayName);
            Assert.True(await users.CheckPasswordAsync(user, "First-pass-1"));
            Assert.Equal(["Member"], await users.GetRolesAsync(user));
            return true;
        });
    }

    [Fact]
    public async Task UsersStep_WithUnknownRole_FailsNamingUserAndRole()
    {
        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(
            """{"name":"t","steps":[{"name":"Users","Users":[{"UserName":"recipe2","Email":"r2@example.edu.cn","Password":"First-pass-1","Roles":["Pilot"]}]}]}"""));

        Assert.Contains("recipe2", error.Message);
        Assert.Contains("Pilot", error.Message);
        Assert.Null(await InScopeAsync(sp => sp.GetRequiredService<UserManager<LiaisonUser>>().FindByNameAsync("recipe2")));
    }

    [Fact]
    public async Task UsersStep_WithWeakPassword_FailsWithIdentitysMessage()
    {
        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(
            """{"name":"t","steps":[{"name":"Users","Users":[{"UserName":"recipe3","Email":"r3@example.edu.cn","Password":"short"}]}]}"""));

        Assert.Contains("recipe3", error.Message);
        Assert.Contains("8", error.Message);
    }

    private Task<RecipeResult> RunAsync(string recipe) => InScopeAsync(sp =>
        sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: TestContext.Current.CancellationToken));

    private Task<List<string>> GrantsAsync(string role) => InScopeAsync(async sp =>
        (await sp.GetRequiredService<IDocumentStore>().GetAsync<RolePermissionsDocument>(RolePermissionsDocument.DocumentKey)).Roles[role]);

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
