using System.Net;
using System.Text.RegularExpressions;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Infrastructure;

/// <summary>
/// The whole site on a fresh SQLite database in its own folder, set up non-interactively from a recipe
/// exactly as a deployment script would (Liaison:Setup:* configuration).
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Admin-pass-2026";
    public const string DemoPassword = "Demo-pass-2026";

    // Dozens of sites run at once in one test process, on a machine shared with other runs, and each file watcher is an
    // inotify instance, a per-user limit (128 here): configuration is not reloaded and files are polled instead.
    static SiteFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public SiteFactory() : this("liaison-demo")
    {
    }

    protected SiteFactory(string recipe)
    {
        Recipe = recipe;
        AppData = Path.Combine(Path.GetTempPath(), "liaison-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(AppData);
    }

    private static readonly Lazy<string> s_keyRingCertificate = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "liaison-tests", $"keyring-{Guid.NewGuid():N}.pfx");
        KeyRingCertificate.Create(path);
        return path;
    });

    /// <summary>The key-ring certificate of the test sites: a process run on a site's app data needs it too.</summary>
    public static string KeyRingCertificatePath => s_keyRingCertificate.Value;

    public string Recipe { get; }

    public string AppData { get; }

    /// <summary>Extra configuration a test class needs (set before the site starts).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so that tests see what visitors see (no developer exception page).
        builder.UseEnvironment("Production");
        builder.UseSetting("Liaison:AppData", AppData);
        builder.UseSetting("Liaison:Setup:SiteName", "测试学校党委");
        builder.UseSetting("Liaison:Setup:AdminUserName", AdminUserName);
        builder.UseSetting("Liaison:Setup:AdminEmail", "admin@example.edu.cn");
        builder.UseSetting("Liaison:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("Liaison:Setup:DemoPassword", DemoPassword);
        builder.UseSetting("Liaison:Setup:Recipe", Recipe);

        // Tests sign in far more often than people do, all from one address; SignInThrottleTests use the real limit.
        builder.UseSetting("Liaison:SignIn:AttemptsPerWindow", "100000");

        // One key-ring certificate for every site of the run (an RSA key takes a while to make), as several nodes
        // share one; KeyRingTests cover the certificate a site makes for itself.
        builder.UseSetting("Liaison:DataProtection:CertificatePath", KeyRingCertificatePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Signs in through the real /login form and returns the client holding the cookie.</summary>
    /// <summary>
    /// Waits until the events of earlier saves (the site's setup among them) are delivered: their handlers (workflows
    /// starting on content events, notifications, cache evictions of what they publish) run after commit, off the
    /// request, and are not the test's doing.
    /// </summary>
    public async Task SettleEventsAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            if (!await db.Set<LiaisonSite.Core.Events.OutboxEvent>().AnyAsync(e => e.DispatchedUtc == null))
            {
                return;
            }

            await Task.Delay(200);
        }
    }

    public async Task<HttpClient> SignInAsync(string userName, string? password = null)
    {
        var client = CreateBrowserClient();
        var response = await PostFormAsync(client, "/login", "/login", new()
        {
            ["UserName"] = userName,
            ["Password"] = password ?? (userName == AdminUserName ? AdminPassword : DemoPassword),
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>GETs the form page to read its antiforgery token, then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = AntiforgeryToken(page);
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(action, new FormUrlEncodedContent(body));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return match.Success
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(AppData, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>A site set up with only liaison.recipe.json (no demo data).</summary>
public sealed class PlainSiteFactory() : SiteFactory("liaison");
