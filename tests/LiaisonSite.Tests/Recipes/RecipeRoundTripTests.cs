using System.Text.Json;
using Liaison.Recipes.Services;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Recipes;

public sealed class RecipeRoundTripTests(RecipesSiteFactory source, OtherRecipesSiteFactory target)
    : IClassFixture<RecipesSiteFactory>, IClassFixture<OtherRecipesSiteFactory>
{
    private const string Recipe = """
        {"name": "roundtrip", "steps": [
          {"name": "ContentDefinition",
           "ContentTypes": [{"Name": "Example", "DisplayName": "典型事例", "Settings": {"Creatable": "True", "Listable": "True", "Draftable": "True"},
                             "ContentTypePartDefinitionRecords": [{"PartName": "Example", "Name": "Example"}]}],
           "ContentParts": [{"Name": "Example", "ContentPartFieldDefinitionRecords": [
             {"FieldName": "NoteField", "Name": "Deeds", "Settings": {"DisplayName": "事迹", "Required": "True", "Position": "0"}}]}]},
          {"name": "Content", "data": [
            {"ContentItemId": "example1", "ContentType": "Example", "DisplayText": "张老师的故事", "Published": true,
             "Owner": "admin", "Example": {"Deeds": {"Text": "扎根山区二十年"}}},
            {"ContentItemId": "example2", "ContentType": "Example", "DisplayText": "草稿", "Published": false,
             "Example": {"Deeds": {"Text": "还在写"}}}]}]}
        """;

    [Fact]
    public async Task ExportThenImport_IntoAFreshSite_GivesTheSameDefinitionsAndItems()
    {
        await source.RunRecipeAsync(Recipe);
        var exported = await source.WithScopeAsync(sp => sp.GetRequiredService<RecipeExporter>()
            .ExportAsync(new RecipeExportRequest(["Example"], ["Example"], LatestVersions: true), TestContext.Current.CancellationToken));

        var result = await target.RunRecipeAsync(exported.Recipe.ToJsonString());

        Assert.Equal(2, result.StepCount);
        Assert.Equal(await DefinitionsAsync(source), await DefinitionsAsync(target));
        Assert.Equal(await ItemsAsync(source), await ItemsAsync(target));
        Assert.Equal(2, (await ItemsAsync(target)).Count);
    }

    private static async Task<string> DefinitionsAsync(RecipesSiteFactory site) => await site.WithScopeAsync(async sp =>
    {
        var definitions = sp.GetRequiredService<IContentDefinitionManager>();
        return JsonSerializer.Serialize(new { Type = await definitions.GetTypeAsync("Example"), Part = await definitions.GetPartAsync("Example") });
    });

    private static async Task<List<string>> ItemsAsync(RecipesSiteFactory site)
        => [.. (await site.VersionsAsync("Example")).Where(v => v.Latest)
            .Select(v => $"{v.ContentItemId}|{v.DisplayText}|{v.Published}|{v.Owner}|{v.Content.ToJsonString()}")
            .Order(StringComparer.Ordinal)];
}
