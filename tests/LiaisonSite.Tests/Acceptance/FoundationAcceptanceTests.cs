using System.Diagnostics;
using System.Net;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Acceptance;

/// <summary>The "done when" of the Foundation issue, end to end: setup, sign-in, and a foreign recipe run by the CLI.</summary>
public sealed class FoundationAcceptanceTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoSetup_ServesAChineseHomePage()
    {
        var response = await site.CreateClient().GetAsync("/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("支部动态", html, StringComparison.Ordinal);
        Assert.Contains("典型事例", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_SendsAnonymousVisitorsToLogin_AndLetsTheAdministratorIn()
    {
        var anonymous = await site.CreateBrowserClient().GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/login", anonymous.Headers.Location!.AbsolutePath);

        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var dashboard = await admin.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task OrchardRecipeOfUnknownTypes_RunByTheCommandLine_IsServedAtItsPaths()
    {
        _ = site.Services; // set up before the command opens the database
        var recipe = Path.Combine(AppContext.BaseDirectory, "TestData", "Recipes", "orchard-fields.recipe.json");

        var (exitCode, output, error) = await RunCommandLineAsync(site.AppData, "recipe", "run", recipe);
        Assert.True(exitCode == 0, $"recipe run failed ({exitCode}): {error}");
        Assert.Contains("OrchardFields", output, StringComparison.Ordinal);

        // The command ran in another process: the site learns of the new types from its poll of the documents'
        // versions (every second without Redis), not at once.
        var client = site.CreateClient();
        var published = await client.GetAsync("/volunteer/community-clinic", Ct);
        for (var waited = 0; published.StatusCode == HttpStatusCode.NotFound && waited < 50; waited++)
        {
            await Task.Delay(100, Ct);
            published = await client.GetAsync("/volunteer/community-clinic", Ct);
        }

        var html = await published.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains("社区义诊志愿服务", html, StringComparison.Ordinal);
        Assert.Contains("阳光社区服务中心", html, StringComparison.Ordinal);
        Assert.Contains("24", html, StringComparison.Ordinal);
        Assert.Contains("党员教师带领学生开展义诊与健康宣讲", html, StringComparison.Ordinal);

        // Script in an HtmlField never reaches the page, in any form.
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);

        // The draft is not served.
        var draft = await client.GetAsync("/volunteer/draft-activity", Ct);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.DoesNotContain("草稿地点", await draft.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Runs the built site exactly as an operator would: <c>dotnet LiaisonSite.dll recipe run file</c>.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunCommandLineAsync(string appData, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LiaisonSite.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["Liaison__AppData"] = appData,
                ["Liaison__DataProtection__CertificatePath"] = SiteFactory.KeyRingCertificatePath,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }
}
