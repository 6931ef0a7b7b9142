using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Quality;
using LiaisonSite.Tests.Modules.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts;

/// <summary>
/// Paths from Chinese titles are pinyin (short, never percent-encoded), through the real admin editor; a path stored
/// under the earlier rule (Chinese characters kept) never changes while the title stays.
/// </summary>
public sealed partial class PinyinPathTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEditor_CreatesAnItemWithAChineseTitleAndNoPath_ItIsServedAtThePinyinPath()
    {
        var editor = await site.SignInAsync("editor1");
        const string title = "党员联系师生结对帮学";

        var fields = ReviewFlowTests.Fields(title, "branch-1");
        fields["AutoroutePart.Path"] = "";
        var created = await SiteFactory.PostFormAsync(editor, "/admin/contents/new/TypicalExample", "/admin/contents/new/TypicalExample/publish", fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = EditUrl().Match(created.Headers.Location!.OriginalString).Groups[1].Value;
        Assert.Equal("typical-examples/dang-yuan-lian-xi-shi-sheng-jie-dui-bang-xue", await PathAsync(id));
        var page = await site.CreateClient().GetAsync("/typical-examples/dang-yuan-lian-xi-shi-sheng-jie-dui-bang-xue", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(title, await page.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AnItemWithAPathOfTheEarlierRule_EditedWithoutATitleChange_KeepsItsPath_AndANewTitleGivesPinyin()
    {
        var editor = await site.SignInAsync("editor1");
        const string title = "党员走访困难职工";
        const string earlier = "typical-examples/党员走访困难职工";
        Assert.Equal(earlier, "typical-examples/" + Slug.CreateEarlier(title));

        // Stored as the earlier rule generated it, then the type stops allowing a typed path: every save generates.
        var fields = ReviewFlowTests.Fields(title, "branch-1");
        fields["AutoroutePart.Path"] = earlier;
        var created = await SiteFactory.PostFormAsync(editor, "/admin/contents/new/TypicalExample", "/admin/contents/new/TypicalExample/publish", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = EditUrl().Match(created.Headers.Location!.OriginalString).Groups[1].Value;
        await SetAllowCustomPathAsync(false);
        try
        {
            await EditAsync(editor, id, title);

            Assert.Equal(earlier, await PathAsync(id));
            var kept = await site.CreateClient().GetAsync("/" + string.Join('/', earlier.Split('/').Select(Uri.EscapeDataString)), Ct);
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);

            // The control: with another title the path is generated anew, in pinyin.
            await EditAsync(editor, id, "党员走访困难职工家庭");

            Assert.Equal("typical-examples/dang-yuan-zou-fang-kun-nan-zhi-gong-jia-ting", await PathAsync(id));
            Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync("/typical-examples/dang-yuan-zou-fang-kun-nan-zhi-gong-jia-ting", Ct)).StatusCode);
        }
        finally
        {
            await SetAllowCustomPathAsync(true);
        }
    }

    [Fact]
    public async Task EveryPathOfTheDemoRecipe_IsKeptAsWritten()
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(SourceTree.Root, "recipes", "liaison-demo.recipe.json")),
            documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var written = recipe["steps"]!.AsArray()
            .Where(s => (string?)s!["name"] == "Content")
            .SelectMany(s => s!["data"]!.AsArray())
            .Where(i => i!["AutoroutePart"]?["Path"] is not null)
            .ToDictionary(i => (string)i!["ContentItemId"]!, i => (string)i!["AutoroutePart"]!["Path"]!);
        Assert.Contains(written.Values, p => p.StartsWith("typical-examples/", StringComparison.Ordinal));

        foreach (var (id, path) in written)
        {
            Assert.Equal((id, path), (id, await PathAsync(id)));
        }
    }

    private static async Task EditAsync(HttpClient client, string id, string title)
    {
        var page = await client.GetStringAsync($"/admin/contents/{id}/edit", Ct);
        var fields = ReviewFlowTests.Fields(title, "branch-1");
        fields["concurrencyStamp"] = StampInput().Match(page).Groups[1].Value;
        fields["__RequestVerificationToken"] = SiteFactory.AntiforgeryToken(page);
        var response = await client.PostAsync($"/admin/contents/{id}/edit/publish", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<string?> PathAsync(string contentItemId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.AsNoTracking()
            .SingleAsync(c => c.ContentItemId == contentItemId && c.Latest, Ct);
        return item.As<AutoroutePart>().Path;
    }

    private async Task SetAllowCustomPathAsync(bool allow)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        var type = (await definitions.GetTypeAsync("TypicalExample"))!;
        var part = type.Parts.Single(p => p.Name == nameof(AutoroutePart));
        var settings = part.Settings.GetSettings<AutoroutePartSettings>();
        settings.AllowCustomPath = allow;
        part.Settings.SetSettings(settings);
        await definitions.StoreTypeAsync(type);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
    }

    [GeneratedRegex("/admin/contents/([^/]+)/edit")]
    private static partial Regex EditUrl();

    [GeneratedRegex("name=\"concurrencyStamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampInput();
}
