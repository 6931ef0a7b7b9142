using System.Net;
using LiaisonSite.Core.Settings;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Setup;

public sealed class SetupFromConfigurationTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    [Fact]
    public async Task Health_AfterSetupFromConfiguration_Answers200()
    {
        var response = await site.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SetupPage_OnceSetUp_IsGone()
    {
        var response = await site.CreateBrowserClient().GetAsync("/setup", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Setup_FromConfiguration_StoresSiteNameAndCompletion()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync();

        Assert.Equal("测试学校党委", settings.SiteName);
        Assert.NotNull(settings.SetupCompletedUtc);
    }
}

/// <summary>A site with no setup configuration: it must send every visitor to /setup.</summary>
public sealed class EmptySiteFactory : SiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Liaison:Setup:AdminUserName"] = "" };
}

public sealed class InteractiveSetupTests(EmptySiteFactory site) : IClassFixture<EmptySiteFactory>
{
    [Fact]
    public async Task EmptySite_RedirectsPagesToSetup_AndHealthIsUnavailable()
    {
        var client = site.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;

        var home = await client.GetAsync("/", ct);
        var health = await client.GetAsync("/health", ct);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task SetupForm_WithMismatchedPasswords_ShowsChineseErrorAndChangesNothing()
    {
        var client = site.CreateBrowserClient();
        var ct = TestContext.Current.CancellationToken;

        var response = await SiteFactory.PostFormAsync(client, "/setup", "/setup", new()
        {
            ["SiteName"] = "某某中学党委",
            ["AdminUserName"] = "admin",
            ["AdminEmail"] = "admin@example.edu.cn",
            ["Password"] = "Abcdefg1",
            ["ConfirmPassword"] = "different1",
            ["Recipe"] = "liaison",
        });
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("两次输入的密码不一致", html);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", ct)).StatusCode);
    }
}
