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
    public async Task SettingsPage_SetsTheTimeZoneAndTheLanguageOfMail_RefusingAZoneTheServerDoesNotKnow()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var before = await SettingsAsync();
        // Every other field as it is: the other tests of the class read the name, description and page size.
        Dictionary<string, string> Fields(string zone, string culture) => new()
        {
            ["SiteName"] = before.SiteName,
            ["SiteDescription"] = before.SiteDescription ?? "",
            ["PageSize"] = before.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HomeContentItemId"] = before.HomeContentItemId ?? "",
            ["TimeZone"] = zone,
            ["DefaultCulture"] = culture,
        };

        var page = await admin.GetStringAsync("/admin/settings", Ct);
        Assert.Contains("<option value=\"Asia/Shanghai\" selected=\"selected\">Asia/Shanghai</option>", page, StringComparison.Ordinal);
        Assert.Contains("邮件和通知的语言", page, StringComparison.Ordinal);

        var refused = await SiteFactory.PostFormAsync(admin, "/admin/settings", "/admin/settings", Fields("Mars/Olympus", "en-US"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("本服务器不认识时区“Mars/Olympus”。", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before.TimeZone, (await SettingsAsync()).TimeZone);
        Assert.Equal(before.DefaultCulture, (await SettingsAsync()).DefaultCulture);

        try
        {
            var saved = await SiteFactory.PostFormAsync(admin, "/admin/settings", "/admin/settings", Fields("Asia/Urumqi", "en-US"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var after = await SettingsAsync();
            Assert.Equal("Asia/Urumqi", after.TimeZone);
            Assert.Equal("en-US", after.DefaultCulture);
            Assert.Equal(before.PageSize, after.PageSize);
            Assert.Equal(before.SiteDescription, after.SiteDescription);
            await using var scope = site.Services.CreateAsyncScope();
            Assert.Equal(6, scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.Time.ISchoolClock>().Now.Offset.TotalHours);
        }
        finally
        {
            var restored = await SiteFactory.PostFormAsync(admin, "/admin/settings", "/admin/settings", Fields(before.TimeZone, before.DefaultCulture));
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }
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
