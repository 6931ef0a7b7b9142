using System.Net;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Settings;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts.Orchard;

/// <summary>
/// Orchard's SetHomepage and HomeRoute (issue 16, item 5) on a site set up from the agency-shaped recipe, whose landing
/// page says <c>"AutoroutePart": {"Path": "home-page", "SetHomepage": true}</c>: "/" serves that item as its own address
/// does, from the output cache too; the site settings give "/" back to the school's home page; an item unpublished or
/// removed leaves "/" to the school's home page, never a 404 or 500. Each test starts from the landing page as home.
/// </summary>
public sealed class HomepageTests(AgencyShapedSite site) : IClassFixture<AgencyShapedSite>
{
    private const string SchoolHomeMarker = "id=\"hero-title\"";
    private const string LandingMarker = "<h2 class=\"bag-part__title\">Services</h2>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Root_ServesTheSetHomepageItem_ExactlyAsItsOwnAddressDoes_AndFromTheOutputCache()
    {
        await RestoreLandingAsHomeAsync();
        var client = site.CreateClient();

        var own = await client.GetStringAsync("/home-page", Ct);
        var first = await client.GetAsync("/", Ct);
        var root = await first.Content.ReadAsStringAsync(Ct);
        var second = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(LandingMarker, root);
        Assert.DoesNotContain(SchoolHomeMarker, root);
        Assert.Equal(Article(own), Article(root));
        Assert.True(second.Headers.Age.HasValue, "The second answer for \"/\" should come from the output cache.");
    }

    [Fact]
    public async Task ClearingTheHomeInSiteSettings_BringsBackTheSchoolHome_AtOnce()
    {
        var landingId = await RestoreLandingAsHomeAsync();
        var visitor = site.CreateClient();
        Assert.Contains(LandingMarker, await visitor.GetStringAsync("/", Ct)); // now cached

        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var form = await admin.GetStringAsync("/admin/settings", Ct);
        Assert.Contains(landingId, form);
        var saved = await PostSettingsAsync(admin, homeContentItemId: landingId, useSchoolHome: true);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null((await SettingsAsync()).HomeContentItemId);
        var page = await visitor.GetStringAsync("/", Ct);
        Assert.Contains(SchoolHomeMarker, page);
        Assert.DoesNotContain(LandingMarker, page);

        // And the field takes an id again: "/" serves the item at once.
        Assert.Equal(HttpStatusCode.Redirect, (await PostSettingsAsync(admin, landingId)).StatusCode);
        Assert.Contains(LandingMarker, await visitor.GetStringAsync("/", Ct));
    }

    [Fact]
    public async Task SiteSettings_RefuseAnIdOfNoItem_WithAChineseMessage_AndChangeNothing()
    {
        var landingId = await RestoreLandingAsHomeAsync();
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var response = await PostSettingsAsync(admin, "nosuchitem000000000000000x");
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("没有 ID 为“nosuchitem000000000000000x”的内容项。", page);
        Assert.Equal(landingId, (await SettingsAsync()).HomeContentItemId);
    }

    [Fact]
    public async Task AnImportedSetHomepageItem_IsReported_AndUnpublishedOrRemoved_LeavesRootToTheSchoolHome()
    {
        await RestoreLandingAsHomeAsync();
        var id = ContentItem.NewId();
        var recipe = """
            { "name": "new-home", "steps": [ { "name": "Content", "data": [
              { "ContentItemId": "ITEM_ID", "ContentType": "LandingPage", "DisplayText": "Open day", "Published": true,
                "TitlePart": { "Title": "Open day" }, "AutoroutePart": { "Path": "open-day", "SetHomepage": true },
                "Services": { "ContentItems": [] } } ] } ] }
            """.Replace("ITEM_ID", id, StringComparison.Ordinal);

        var result = await RunAsync(recipe);
        var client = site.CreateClient();

        var note = Assert.Single(result.Report.Notes, n => n.Kind == RecipeNoteKind.Applied);
        Assert.Contains("Open day", note.Message);
        Assert.Contains("\"/\"", note.Message);
        Assert.Equal(id, (await SettingsAsync()).HomeContentItemId);
        Assert.Contains("<h1>Open day</h1>", await client.GetStringAsync("/", Ct));

        // Running the recipe again changes nothing (no new version), and does not take "/" back once given away.
        await RestoreLandingAsHomeAsync();
        var again = await RunAsync(recipe);
        Assert.DoesNotContain(again.Report.Notes, n => n.Kind == RecipeNoteKind.Applied);
        Assert.NotEqual(id, (await SettingsAsync()).HomeContentItemId);

        await SetHomeAsync(id);
        await ChangeAsync(id, (contents, item) => contents.UnpublishAsync(item));
        var unpublished = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, unpublished.StatusCode);
        Assert.Contains(SchoolHomeMarker, await unpublished.Content.ReadAsStringAsync(Ct));

        await ChangeAsync(id, (contents, item) => contents.RemoveAsync(item));
        var removed = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains(SchoolHomeMarker, await removed.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OrchardsHomeRouteSetting_ChoosesTheHomeItem_AndTheExportWritesItBack()
    {
        var landingId = await RestoreLandingAsHomeAsync();
        var storyId = (await FindAsync("our-story")).ContentItemId;
        var recipe = """
            { "name": "home-route", "steps": [ { "name": "settings",
              "HomeRoute": { "Action": "Display", "Controller": "Item", "Area": "OrchardCore.Contents", "ContentItemId": "STORY_ID" },
              "LayerSettings": { "Zones": [ "Footer" ] } } ] }
            """.Replace("STORY_ID", storyId, StringComparison.Ordinal);

        var result = await RunAsync(recipe);

        Assert.Contains(result.Report.Notes, n => n.Kind == RecipeNoteKind.Applied && n.Message.Contains(storyId, StringComparison.Ordinal));
        Assert.Contains(result.Report.Notes, n => n.Kind == RecipeNoteKind.Dropped && n.Message.Contains("LayerSettings", StringComparison.Ordinal));
        Assert.Contains("<h1>Our Story</h1>", await site.CreateClient().GetStringAsync("/", Ct));

        await using var scope = site.Services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetServices<IRecipeStepExporter>().Single(e => e.Key == "settings");
        var step = Assert.Single(await exporter.ExportAsync(new RecipeExportContext(null, []), Ct));
        Assert.Equal(storyId, step["HomeRoute"]?["ContentItemId"]?.GetValue<string>());
        Assert.Equal("OrchardCore.Contents", step["HomeRoute"]?["Area"]?.GetValue<string>());
        Assert.NotEqual(landingId, storyId);
    }

    [Fact]
    public async Task TheEditorsHomepageBox_MakesTheItemTheHomePage_WhenThatVersionIsPublished()
    {
        var landingId = await RestoreLandingAsHomeAsync();
        var storyId = (await FindAsync("our-story")).ContentItemId;
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var (editor, stamp) = await Contents.ContentsHttp.OpenEditorAsync(admin, storyId);
        Assert.Contains("设为网站首页", editor);

        var draft = await SaveStoryAsync(admin, storyId, stamp, publish: false);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal(landingId, (await SettingsAsync()).HomeContentItemId); // a draft is not the home page yet

        var (_, newStamp) = await Contents.ContentsHttp.OpenEditorAsync(admin, storyId);
        var published = await SaveStoryAsync(admin, storyId, newStamp, publish: true);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(storyId, (await SettingsAsync()).HomeContentItemId);
        Assert.Contains("<h1>Our Story</h1>", await site.CreateClient().GetStringAsync("/", Ct));
        Assert.Contains("此内容项是网站首页", (await Contents.ContentsHttp.OpenEditorAsync(admin, storyId)).Html);
    }

    private static async Task<HttpResponseMessage> SaveStoryAsync(HttpClient admin, string id, string stamp, bool publish)
    {
        var page = await admin.GetStringAsync($"/admin/contents/{id}/edit", Ct);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SiteFactory.AntiforgeryToken(page),
            ["concurrencyStamp"] = stamp,
            ["TitlePart.Title"] = "Our Story",
            ["AutoroutePart.Path"] = "our-story",
            ["AutoroutePart.HomepageOffered"] = "true",
            ["AutoroutePart.SetHomepage"] = "true",
        };
        return await admin.PostAsync(publish ? $"/admin/contents/{id}/edit/publish" : $"/admin/contents/{id}/edit", new FormUrlEncodedContent(fields), Ct);
    }

    private async Task<HttpResponseMessage> PostSettingsAsync(HttpClient admin, string homeContentItemId, bool useSchoolHome = false)
    {
        var settings = await SettingsAsync();
        var fields = new Dictionary<string, string>
        {
            ["SiteName"] = settings.SiteName,
            ["SiteDescription"] = settings.SiteDescription ?? "",
            ["PageSize"] = settings.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HomeContentItemId"] = homeContentItemId,
        };
        if (useSchoolHome)
        {
            fields["UseSchoolHome"] = "true";
        }

        return await SiteFactory.PostFormAsync(admin, "/admin/settings", "/admin/settings", fields);
    }

    /// <summary>The landing page the recipe set as home, made home again (other tests of the class change it).</summary>
    private async Task<string> RestoreLandingAsHomeAsync()
    {
        var id = (await FindAsync("home-page")).ContentItemId;
        await SetHomeAsync(id);
        return id;
    }

    private async Task<ContentItem> FindAsync(string path)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IContentRouting>().FindPublishedAsync(path)
            ?? throw new InvalidOperationException($"Nothing is published at /{path}.");
    }

    private async Task SetHomeAsync(string? id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ISiteService>();
        var settings = await service.GetSettingsAsync();
        settings.HomeContentItemId = id;
        await service.UpdateSettingsAsync(settings);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
    }

    private async Task<SiteSettings> SettingsAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync();
    }

    private async Task<RecipeResult> RunAsync(string recipe)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Ct);
    }

    private async Task ChangeAsync(string id, Func<IContentManager, ContentItem, Task> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        await change(contents, (await contents.GetAsync(id, VersionOptions.Latest))!);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
    }

    private static string Article(string page)
    {
        var start = page.IndexOf("<article", StringComparison.Ordinal);
        var end = page.IndexOf("</article>", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The page should show an item in an <article>.");
        return page[start..end];
    }
}
