using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Liaison.Users.RolesAdmin;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Settings;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Recipes;

/// <summary>The demo site, exported whole.</summary>
public sealed class ExportSourceSiteFactory() : SiteFactory("liaison-demo");

/// <summary>A fresh site the export is set up into.</summary>
public sealed class ExportTargetSiteFactory() : SiteFactory("liaison");

/// <summary>
/// Issue 16, item 9: <c>recipe export</c> writes a complete recipe (definitions, items, roles, settings, media as
/// Base64, units) and a fresh site set up from it matches the source: the same items, settings, roles, images, units,
/// and the same public pages. The people of the roster and the private records never leave the source.
/// </summary>
public sealed partial class CompleteExportTests(ExportSourceSiteFactory source, ExportTargetSiteFactory target)
    : IClassFixture<ExportSourceSiteFactory>, IClassFixture<ExportTargetSiteFactory>
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(SiteFactory site, string verb, params string[] arguments)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<ICommandLineCommand>().Single(c => c.Verb.SequenceEqual(["recipe", verb]));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await command.RunAsync(scope.ServiceProvider, arguments, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"liaison-export-{Guid.NewGuid():N}.recipe.json");

    [Fact]
    public async Task ExportTheDemo_SetUpAFreshSiteFromIt_TheSiteMatches()
    {
        var file = TempFile();
        try
        {
            // The demo's workflows finish after setup (a reviewed news item is published then): export what they leave.
            await source.SettleEventsAsync();
            var (exitCode, output, error) = await RunAsync(source, "export", file);
            Assert.True(exitCode == 0, error);
            Assert.Contains("roster", output, StringComparison.OrdinalIgnoreCase);

            var recipe = RecipeParser.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            var stepNames = recipe["steps"]!.AsArray().Select(s => s!["name"]!.ToString()).ToList();
            Assert.Equal(["ContentDefinition", "Roles", "Settings", "media", "Content", "Roster", "WorkflowType"], stepNames);

            // No person of the roster, no private record, no password hash travels.
            var text = recipe.ToJsonString();
            Assert.DoesNotContain("PasswordHash", text, StringComparison.Ordinal);
            var exportedTypes = Items(recipe).Select(i => i["ContentType"]!.ToString()).ToHashSet(StringComparer.Ordinal);
            var privateTypes = await PrivateTypesAsync(source);
            Assert.NotEmpty(privateTypes);
            Assert.Empty(exportedTypes.Intersect(privateTypes));

            (exitCode, var runOutput, error) = await RunAsync(target, "run", file);
            Assert.True(exitCode == 0, error);
            await target.SettleEventsAsync();

            // The same items, version for version, with their dates. Users are not exported: an item whose owner has no
            // account on the new site is owned by its administrator, and the run's report names the owner.
            var targetUsers = await UserNamesAsync(target);
            Assert.Contains("committee1", runOutput, StringComparison.Ordinal);
            Assert.Equal(
                await ItemsAsync(source, exportedTypes, owner => owner.Length == 0 || targetUsers.Contains(owner) ? owner : SiteFactory.AdminUserName),
                await ItemsAsync(target, exportedTypes, owner => owner));
            Assert.True(exportedTypes.Count >= 5, string.Join(", ", exportedTypes));

            // The same settings, roles and grants, images and units.
            Assert.Equal(await SettingsAsync(source), await SettingsAsync(target));
            Assert.Equal(await GrantsAsync(source), await GrantsAsync(target));
            Assert.Equal(Media(source), Media(target));
            Assert.NotEmpty(Media(source));
            Assert.Equal(await UnitsAsync(source), await UnitsAsync(target));
            Assert.Equal(await WorkflowTypesAsync(source), await WorkflowTypesAsync(target));

            // And the same public pages.
            var paths = Items(recipe).Where(i => (bool?)i["Published"] == true)
                .Select(i => i["AutoroutePart"]?["Path"]?.ToString()).OfType<string>().Where(p => p.Length > 0).ToList();
            Assert.NotEmpty(paths);
            using var sourceClient = source.CreateClient();
            using var targetClient = target.CreateClient();
            foreach (var path in paths.Select(p => "/" + p).Prepend("/"))
            {
                var expected = await MainTextAsync(sourceClient, path);
                Assert.Equal(expected, await MainTextAsync(targetClient, path));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ExportChosenTypes_TakesTheirDefinitionsAndOnlyTheImagesTheyUse()
    {
        var file = TempFile();
        try
        {
            var (exitCode, _, error) = await RunAsync(source, "export", file, "--types", "page", "--published");
            Assert.True(exitCode == 0, error);

            var recipe = RecipeParser.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            Assert.All(Items(recipe), i => Assert.Equal("Page", i["ContentType"]!.ToString()));
            Assert.All(Items(recipe), i => Assert.True((bool)i["Published"]!));
            var definitions = recipe["steps"]!.AsArray().Single(s => s!["name"]!.ToString() == "ContentDefinition")!;
            Assert.Equal(["Page"], definitions["ContentTypes"]!.AsArray().Select(t => t!["Name"]!.ToString()));

            // The demo's pages use no image: the library stays home.
            var itemsText = string.Join("", Items(recipe).Select(i => i.ToJsonString()));
            var files = recipe["steps"]!.AsArray().Where(s => s!["name"]!.ToString() == "media")
                .SelectMany(s => s!["Files"]!.AsArray()).Select(f => f!["TargetPath"]!.ToString()).ToList();
            Assert.All(files, f => Assert.Contains(f, itemsText, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new string[0], "Usage:")]
    [InlineData(new[] { "a.json", "--types" }, "Usage:")]
    [InlineData(new[] { "a.json", "--bogus" }, "Usage:")]
    [InlineData(new[] { "{file}", "--types", "NoSuchType" }, "NoSuchType")]
    public async Task BadArguments_Exit1_AndWriteNoFile(string[] arguments, string message)
    {
        var file = TempFile();
        var (exitCode, output, error) = await RunAsync(source, "export", [.. arguments.Select(a => a == "{file}" ? file : a)]);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task AdminExportPage_WholeSite_DownloadsTheCompleteRecipe()
    {
        var admin = await source.SignInAsync(SiteFactory.AdminUserName);
        var page = await admin.GetStringAsync("/admin/recipes/export", TestContext.Current.CancellationToken);
        Assert.Contains("name=\"include\" value=\"roles\"", page, StringComparison.Ordinal);

        var body = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", SiteFactory.AntiforgeryToken(page)),
            new("all", "true"),
            new("versions", "both"),
            new("include", "roles"),
            new("include", "settings"),
            new("include", "media"),
        };
        var response = await admin.PostAsync("/admin/recipes/export", new FormUrlEncodedContent(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recipe = RecipeParser.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["ContentDefinition", "Roles", "Settings", "media", "Content"],
            recipe["steps"]!.AsArray().Select(s => s!["name"]!.ToString()));
        Assert.Contains(Items(recipe), i => i["ContentType"]!.ToString() == "TypicalExample");

        // Private records go only through their module's export filter, which decides for the signed-in person.
        var filtered = await FilteredTypesAsync(source);
        Assert.All(Items(recipe).Select(i => i["ContentType"]!.ToString()).Intersect(await PrivateTypesAsync(source)),
            type => Assert.Contains(type, filtered));
    }

    private static async Task<HashSet<string>> FilteredTypesAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return [.. scope.ServiceProvider.GetServices<IContentExportFilter>().SelectMany(f => f.ContentTypes)];
    }

    private static IEnumerable<JsonObject> Items(JsonObject recipe)
        => recipe["steps"]!.AsArray().Where(s => s!["name"]!.ToString() == "Content").SelectMany(s => s!["data"]!.AsArray()).Cast<JsonObject>();

    private static async Task<HashSet<string>> PrivateTypesAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var visibility = scope.ServiceProvider.GetRequiredService<IContentVisibility>();
        var definitions = scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.ContentManagement.Metadata.IContentDefinitionManager>();
        return [.. (await definitions.ListTypesAsync()).Where(t => t.TypeSettings.Securable || visibility.ScopedTypes.Contains(t.Name)).Select(t => t.Name)];
    }

    private static async Task<HashSet<string>> UserNamesAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return [.. await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Users.Select(u => u.UserName!).ToListAsync()];
    }

    private static async Task<List<string>> ItemsAsync(SiteFactory site, HashSet<string> types, Func<string, string> owner)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var items = await db.ContentItems.AsNoTracking().Where(c => types.Contains(c.ContentType) && (c.Published || c.Latest)).ToListAsync();
        return [.. items.Select(c => string.Join('|', c.ContentItemId, c.ContentType, c.DisplayText, c.Published, c.Latest, owner(c.Owner),
                c.CreatedUtc?.ToString("O"), c.PublishedUtc?.ToString("O"), Canonical(c.Content)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The item's parts with properties in order (the import may write them in another order).</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Canonical(p.Value))) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        _ => node?.ToJsonString() ?? "null",
    };

    private static async Task<string> SettingsAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync();
        return $"{settings.SiteName}|{settings.SiteDescription}|{settings.PageSize}|{settings.DefaultCulture}|{settings.TimeZone}";
    }

    private static async Task<List<string>> GrantsAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<RolePermissionsEditor>();
        var document = await editor.LoadAsync();
        return [.. editor.AllRoleNames().Select(r => r + ":" + string.Join(",",
            (document.Roles.TryGetValue(r, out var granted) ? granted : []).Order(StringComparer.Ordinal)))];
    }

    /// <summary>The library's images by path (the import re-encodes them, so their sizes are compared, not their bytes).</summary>
    private static List<string> Media(SiteFactory site)
    {
        var root = Path.Combine(site.AppData, "Media");
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)]
            : [];
    }

    private static async Task<List<string>> UnitsAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var rows = await db.Database.SqlQueryRaw<string>("SELECT \"Name\" || '|' || \"Kind\" || '|' || COALESCE(\"BranchId\", '') AS \"Value\" FROM \"Units\"").ToListAsync();
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> WorkflowTypesAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var types = await scope.ServiceProvider.GetRequiredService<Liaison.Workflows.Definitions.WorkflowTypeStore>().ListAsync();
        return [.. types.Select(t => t.Row.WorkflowTypeId + "|" + t.Row.Name + "|" + Canonical(JsonNode.Parse(t.Row.Definition))).Order(StringComparer.Ordinal)];
    }

    private static async Task<string> MainTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        var main = MainElement().Match(html);
        Assert.True(main.Success, path);
        return path + ": " + Whitespace().Replace(Tags().Replace(main.Groups[1].Value, " "), " ").Trim();
    }

    [GeneratedRegex("<main[^>]*>(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
