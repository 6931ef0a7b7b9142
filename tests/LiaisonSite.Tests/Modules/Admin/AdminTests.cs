using System.Net;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Settings;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Admin;

public sealed class AdminTests(UsersSiteFactory site) : IClassFixture<UsersSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_GreetsTheUserByDisplayNameInTheAdminLayout()
    {
        var client = await site.SignInAsync("member1");

        var html = await client.GetStringAsync("/admin?dashboard=1", Ct);

        Assert.Contains("欢迎您，党员一", html);
        Assert.Contains("/lib/bootstrap/css/bootstrap.min.css", html);
        Assert.Contains("action=\"/logout\"", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task SettingsStep_InSetupRecipe_SetsValuesAndIgnoresUnknownProperties()
    {
        var settings = await SettingsAsync();

        Assert.Equal("用户测试站点", settings.SiteName);
        Assert.Equal(12, settings.PageSize);
    }

    [Fact]
    public async Task SettingsStep_WithBadPageSize_FailsAndChangesNothing()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var recipes = scope.ServiceProvider.GetRequiredService<IRecipeExecutor>();

        var error = await Assert.ThrowsAsync<RecipeException>(() => recipes.ExecuteAsync(
            """{"name":"t","steps":[{"name":"Settings","SiteName":"改名","PageSize":"many"}]}""", cancellationToken: Ct));

        Assert.Contains("PageSize", error.Message);
        Assert.Equal("用户测试站点", (await SettingsAsync()).SiteName);
    }

    [Fact]
    public async Task SettingsPage_WithInvalidPageSize_ShowsErrorAndKeepsSettings()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var response = await SiteFactory.PostFormAsync(admin, "/admin/settings", "/admin/settings",
            new() { ["SiteName"] = "别的名字", ["PageSize"] = "0" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("每页条数必须在 1 到 100 之间。", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("用户测试站点", (await SettingsAsync()).SiteName);
    }

    [Fact]
    public async Task SettingsPage_ForMember_IsForbidden()
    {
        var member = await site.SignInAsync("member1");

        var response = await member.GetAsync("/admin/settings", Ct);

        Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery());
    }

    private async Task<SiteSettings> SettingsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync();
    }
}
