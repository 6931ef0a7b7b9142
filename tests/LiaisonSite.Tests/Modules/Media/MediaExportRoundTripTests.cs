using System.Net;
using System.Text.Json.Nodes;
using Liaison.Media.Contracts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Tests.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Media;

/// <summary>
/// Media travels both ways: images imported by a recipe are exported as Base64 (the contract the recipe exporter
/// calls) and a second site set up from that step serves the same images; an item's references to an image whose
/// SourcePath file was not shipped are kept.
/// </summary>
public sealed class MediaExportRoundTripTests(RecipesSiteFactory source, OtherRecipesSiteFactory target)
    : IClassFixture<RecipesSiteFactory>, IClassFixture<OtherRecipesSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportedMediaStep_ImportedIntoAnotherSite_ServesTheSameImages()
    {
        var folder = "roundtrip-" + Guid.NewGuid().ToString("N")[..8];
        await source.RunRecipeAsync($$"""
            {"name": "media-source", "steps": [{"name": "media", "Files": [
              {"TargetPath": "{{folder}}/a.jpg", "Base64": "{{Convert.ToBase64String(TestImages.Jpeg(640, 480))}}"},
              {"TargetPath": "{{folder}}/b.jpg", "Base64": "{{Convert.ToBase64String(TestImages.Jpeg(200, 100))}}"}
            ]}]}
            """);

        var export = await source.WithScopeAsync(sp => sp.GetRequiredService<IMediaExport>()
            .BuildStepAsync([$"/{folder}/a.jpg", $"{folder}/b.jpg", $"{folder}/gone.jpg"], Ct));
        Assert.Equal([$"{folder}/gone.jpg"], export.Missing);
        var files = export.Step["Files"]!.AsArray();
        Assert.Equal([$"{folder}/a.jpg", $"{folder}/b.jpg"], files.Select(f => f!["TargetPath"]!.GetValue<string>()));

        var whole = await source.WithScopeAsync(sp => sp.GetRequiredService<IMediaExport>().BuildStepAsync(null, Ct));
        var wholePaths = whole.Step["Files"]!.AsArray().Select(f => f!["TargetPath"]!.GetValue<string>()).ToList();
        Assert.Contains($"{folder}/a.jpg", wholePaths);
        Assert.DoesNotContain($"{folder}/a-400.jpg", wholePaths);

        var recipe = new JsonObject { ["name"] = "media-target", ["steps"] = new JsonArray(export.Step.DeepClone()) };
        await target.RunRecipeAsync(recipe.ToJsonString());

        var client = target.CreateClient();
        foreach (var name in new[] { "a.jpg", "b.jpg" })
        {
            var response = await client.GetAsync($"/media/{folder}/{name}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{folder}/gone.jpg", Ct)).StatusCode);
    }

    [Fact]
    public async Task ItemsReferencingImagesNotShipped_KeepTheirReferences_WithoutAltTexts()
    {
        var id = ContentItem.NewId();
        await source.RunRecipeAsync("""
            {"name": "media-references", "steps": [
              {"name": "ContentDefinition",
               "ContentTypes": [{"Name": "Portfolio", "DisplayName": "Portfolio",
                 "Settings": {"ContentTypeSettings": {"Creatable": true, "Securable": false}},
                 "ContentTypePartDefinitionRecords": [{"PartName": "TitlePart", "Name": "TitlePart"}, {"PartName": "Portfolio", "Name": "Portfolio"}]}],
               "ContentParts": [{"Name": "Portfolio", "ContentPartFieldDefinitionRecords": [
                 {"FieldName": "MediaField", "Name": "Image", "Settings": {"MediaFieldSettings": {"Required": true, "Multiple": false}}}]}]},
              {"name": "media", "Files": [{"TargetPath": "portfolio/01-full.jpg", "SourcePath": "../wwwroot/src/assets/img/portfolio/01-full.jpg"}]},
              {"name": "Content", "data": [{"ContentType": "Portfolio", "ContentItemId": "ITEM_ID", "Published": true,
                "TitlePart": {"Title": "Threads"}, "Portfolio": {"Image": {"Paths": ["/portfolio/01-full.jpg"]}}}]}
            ]}
            """.Replace("ITEM_ID", id, StringComparison.Ordinal));

        var item = await source.WithScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published));
        Assert.Equal("/portfolio/01-full.jpg", item!.Content["Portfolio"]!["Image"]!["Paths"]![0]!.GetValue<string>());
    }
}
