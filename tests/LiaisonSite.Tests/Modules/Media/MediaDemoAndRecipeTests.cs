using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Tests.Modules.ContentParts;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Media;

public sealed class MediaDemoAndRecipeTests(MediaSiteFactory site) : IClassFixture<MediaSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Examples_ShowTheDemoPhotos_WithAltSrcsetAndSize()
    {
        var html = await site.CreateClient().GetStringAsync("/examples", Ct);
        var images = new HtmlParser().ParseDocument(html).QuerySelectorAll("img.tb-card__photo");

        Assert.NotEmpty(images);
        var talk = Assert.Single(images, i => i.GetAttribute("src") == "/media/demo/branch-1-talk.jpg");
        Assert.Contains("谈心", talk.GetAttribute("alt"));
        Assert.Contains("/media/demo/branch-1-talk-400.jpg 400w", talk.GetAttribute("srcset"));
        Assert.Equal("960", talk.GetAttribute("width"));
        Assert.Equal("640", talk.GetAttribute("height"));
        Assert.Equal("lazy", talk.GetAttribute("loading"));
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync("/media/demo/branch-1-talk-800.jpg", Ct)).StatusCode);
    }

    [Fact]
    public async Task Story_AndItsEditor_ShowThePhotoWithItsAltText()
    {
        var story = new HtmlParser().ParseDocument(await site.CreateClient().GetStringAsync("/typical-examples/a-heart-to-heart-talk", Ct));
        var image = story.QuerySelector(".field-media img")!;
        Assert.Equal("/media/demo/branch-1-talk.jpg", image.GetAttribute("src"));
        Assert.Contains("-800.jpg 800w", image.GetAttribute("srcset"));

        var client = await site.SignInAsync("editor1");
        var editor = new HtmlParser().ParseDocument(await client.GetStringAsync("/admin/contents/example-01/edit", Ct));
        var field = editor.QuerySelector("[data-media-field]")!;
        Assert.Equal("demo/branch-1-talk.jpg", field.QuerySelector("input[type=hidden][name='TypicalExample.Photo.Paths']")!.GetAttribute("value"));
        var alt = field.QuerySelector("[data-media-items] input[name='TypicalExample.Photo.MediaTexts']")!;
        Assert.True(alt.HasAttribute("required"));
        Assert.Contains("谈心", alt.GetAttribute("value"));
        Assert.NotNull(field.QuerySelector("input[type=file][accept*='image/jpeg']"));
    }

    [Fact]
    public async Task MediaStep_RunTwice_LeavesTheSameFiles()
    {
        var recipe = $$"""
            {"name": "media-test", "steps": [{"name": "media", "Files": [
              {"TargetPath": "tests/twice.jpg", "Base64": "{{Convert.ToBase64String(TestImages.WithExif(TestImages.Jpeg(1000, 500)))}}"}
            ]}]}
            """;

        await RunAsync(recipe);
        var first = Snapshot("tests");
        await RunAsync(recipe);

        Assert.Equal(["tests/twice-400.jpg", "tests/twice-800.jpg", "tests/twice.jpg"], first.Keys);
        Assert.Equal(first, Snapshot("tests"));
        Assert.False(TestImages.Contains(File.ReadAllBytes(Path.Combine(site.MediaRoot, "tests/twice.jpg")), TestImages.SecretInExif));
    }

    [Theory]
    [InlineData("""{"TargetPath": "../escape.jpg", "Base64": "AAAA"}""")]
    [InlineData("""{"TargetPath": "tests/not-an-image.jpg", "Base64": "aGVsbG8="}""")]
    public async Task MediaStep_WithBadEntry_FailsWithARecipeError(string entry)
    {
        var recipe = $$"""{"name": "media-test", "steps": [{"name": "media", "Files": [{{entry}}]}]}""";

        await Assert.ThrowsAsync<RecipeException>(() => RunAsync(recipe));
        Assert.False(File.Exists(Path.Combine(site.AppData, "escape.jpg")));
    }

    [Fact]
    public async Task MediaField_ImageWithoutAltText_IsRefusedInTheEditor_ButImported()
    {
        await using var kit = new FieldTestKit();

        // Imports (recipes, the API) may bring images without texts, as Orchard's recipes do.
        Assert.Empty(kit.Validate("MediaField", """{"Paths": ["demo/a.jpg"]}"""));
        Assert.Empty(kit.Validate("MediaField", """{"Paths": ["demo/a.jpg"], "MediaTexts": ["校园一角"]}"""));

        // The editor posts one input per image: a row without its text stays aligned and is refused.
        var (value, errors) = await kit.PostAsync("MediaField",
            new() { ["Paths"] = new(["demo/a.jpg", "demo/b.jpg"]), ["MediaTexts"] = new(["校园一角", ""]) }, """{"Multiple": true}""");
        Assert.Equal(["校园一角", ""], value!["MediaTexts"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Single(errors);
        var (_, complete) = await kit.PostAsync("MediaField",
            new() { ["Paths"] = new(["demo/a.jpg"]), ["MediaTexts"] = new(["校园一角"]) }, """{"Multiple": true}""");
        Assert.Empty(complete);
    }

    [Fact]
    public async Task MediaStep_SourcePathNotShipped_IsSkipped_TheOtherFilesAreStored()
    {
        var recipe = $$"""
            {"name": "media-missing-source", "steps": [{"name": "media", "Files": [
              {"TargetPath": "orchard-missing/not-shipped.jpg", "SourcePath": "../wwwroot/src/assets/img/about/1.jpg"},
              {"TargetPath": "orchard-missing/outside.jpg", "SourcePath": "../../etc/passwd"},
              {"TargetPath": "orchard-missing/shipped.jpg", "Base64": "{{Convert.ToBase64String(TestImages.Jpeg(300, 200))}}"}
            ]}]}
            """;

        await RunAsync(recipe);

        Assert.True(File.Exists(Path.Combine(site.MediaRoot, "orchard-missing/shipped.jpg")));
        Assert.False(File.Exists(Path.Combine(site.MediaRoot, "orchard-missing/not-shipped.jpg")));
        Assert.False(File.Exists(Path.Combine(site.MediaRoot, "orchard-missing/outside.jpg")));
    }

    private async Task RunAsync(string recipe)
    {
        using var scope = site.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Ct);
    }

    private SortedDictionary<string, string> Snapshot(string folder)
    {
        var root = Path.Combine(site.MediaRoot, folder);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(site.MediaRoot, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return files;
    }
}
