using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Recipes;

namespace LiaisonSite.Tests.Modules.ContentTypes;

public sealed class ContentDefinitionStepTests
{
    private const string OrchardFlatShape = """
        {
          "name": "ContentDefinition",
          "ContentTypes": [{
            "Name": "TypicalExample", "DisplayName": "典型事例",
            "Settings": {"Creatable": "True", "Listable": "True", "Draftable": "False"},
            "ContentTypePartDefinitionRecords": [
              {"PartName": "TitlePart", "Name": "TitlePart", "Settings": {"Position": 0}},
              {"PartName": "TypicalExample", "Name": "TypicalExample", "Settings": {"Position": "1"}},
            ],
          }],
          "ContentParts": [{
            "Name": "TypicalExample",
            "ContentPartFieldDefinitionRecords": [{
              "FieldName": "NumberField", "Name": "Score",
              "Settings": {"DisplayName": "得分", "Position": "0", "Required": "True", "Scale": "2"},
            }],
          }],
        }
        """;

    private const string NestedShape = """
        {
          "name": "ContentDefinition",
          "contentTypes": [{
            "name": "TypicalExample", "displayName": "典型事例",
            "settings": {"ContentTypeSettings": {"Creatable": true, "Listable": true, "Draftable": false}},
            "contentTypePartDefinitionRecords": [
              {"partName": "TitlePart", "name": "TitlePart", "settings": {"ContentTypePartSettings": {"Position": "0"}}},
              {"partName": "TypicalExample", "name": "TypicalExample", "settings": {"ContentTypePartSettings": {"Position": "1"}}}
            ]
          }],
          "contentParts": [{
            "name": "TypicalExample",
            "contentPartFieldDefinitionRecords": [{
              "fieldName": "NumberField", "name": "Score",
              "settings": {"ContentPartFieldSettings": {"DisplayName": "得分", "Position": "0"}, "NumberFieldSettings": {"Required": true, "Scale": 2}}
            }]
          }]
        }
        """;

    [Theory]
    [InlineData(OrchardFlatShape)]
    [InlineData(NestedShape)]
    public async Task Execute_EitherSettingsShape_StoresTheNestedShape(string recipeStep)
    {
        var definitions = new InMemoryDefinitions();

        await DefinitionStepFactory.Create(definitions).ExecuteAsync(DefinitionStepFactory.Step(recipeStep));

        var type = (await definitions.GetTypeAsync("TypicalExample"))!;
        Assert.Equal("典型事例", type.DisplayName);
        Assert.True(type.TypeSettings.Creatable);
        Assert.True(type.TypeSettings.Listable);
        Assert.False(type.TypeSettings.Draftable);
        Assert.Equal(["TitlePart", "TypicalExample"], type.Parts.OrderBy(p => p.Position).Select(p => p.Name));
        var field = Assert.Single((await definitions.GetPartAsync("TypicalExample"))!.Fields);
        Assert.Equal("得分", field.DisplayName);
        var settings = field.Settings.GetSettings<NumberFieldSettings>();
        Assert.True(settings.Required);
        Assert.Equal(2, settings.Scale);
    }

    [Fact]
    public async Task Execute_FlatAndNestedShapes_GiveTheSameDefinitions()
    {
        var flat = new InMemoryDefinitions();
        var nested = new InMemoryDefinitions();

        await DefinitionStepFactory.Create(flat).ExecuteAsync(DefinitionStepFactory.Step(OrchardFlatShape));
        await DefinitionStepFactory.Create(nested).ExecuteAsync(DefinitionStepFactory.Step(NestedShape));

        Assert.Equal(nested.Json, flat.Json);
    }

    [Fact]
    public async Task Execute_Twice_GivesTheSameDefinitions()
    {
        var definitions = new InMemoryDefinitions();
        var step = DefinitionStepFactory.Create(definitions);

        await step.ExecuteAsync(DefinitionStepFactory.Step(OrchardFlatShape));
        var once = definitions.Json;
        await step.ExecuteAsync(DefinitionStepFactory.Step(OrchardFlatShape));

        Assert.Equal(once, definitions.Json);
    }

    [Fact]
    public async Task Execute_UnknownFieldType_ThrowsNamingPartAndField()
    {
        var step = DefinitionStepFactory.Step("""
            {"name": "ContentDefinition", "ContentParts": [{"Name": "Report",
              "ContentPartFieldDefinitionRecords": [{"FieldName": "GeoField", "Name": "Place"}]}]}
            """);

        var e = await Assert.ThrowsAsync<RecipeException>(() => DefinitionStepFactory.Create(new InMemoryDefinitions()).ExecuteAsync(step));

        Assert.Contains("'Report'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Place'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'GeoField'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_PartDefinedNowhere_IsCreatedAsAnEmptyFieldsPart()
    {
        var definitions = new InMemoryDefinitions();

        await DefinitionStepFactory.Create(definitions).ExecuteAsync(DefinitionStepFactory.Step("""
            {"name": "ContentDefinition", "ContentTypes": [{"Name": "Page",
              "ContentTypePartDefinitionRecords": [{"PartName": "TitlePart"}, {"PartName": "Page"}]}]}
            """));

        var page = await definitions.GetPartAsync("Page");
        Assert.NotNull(page);
        Assert.Empty(page.Fields);
        Assert.Null(await definitions.GetPartAsync("TitlePart"));
    }

    [Fact]
    public async Task Execute_ExistingPart_MergesFieldsByName()
    {
        var definitions = new InMemoryDefinitions();
        var step = DefinitionStepFactory.Create(definitions);
        await step.ExecuteAsync(DefinitionStepFactory.Step("""
            {"name": "ContentDefinition", "ContentParts": [{"Name": "Report", "ContentPartFieldDefinitionRecords": [
              {"FieldName": "TextField", "Name": "Summary", "Settings": {"DisplayName": "摘要"}},
              {"FieldName": "TextField", "Name": "Place"}]}]}
            """));

        await step.ExecuteAsync(DefinitionStepFactory.Step("""
            {"name": "ContentDefinition", "ContentParts": [{"Name": "Report", "ContentPartFieldDefinitionRecords": [
              {"FieldName": "TextField", "Name": "Summary", "Settings": {"DisplayName": "概要"}}]}]}
            """));

        var fields = (await definitions.GetPartAsync("Report"))!.Fields;
        Assert.Equal(["Place", "Summary"], fields.Select(f => f.Name).Order());
        Assert.Equal("概要", fields.Single(f => f.Name == "Summary").DisplayName);
    }

    [Theory]
    [InlineData("""{"name": "ContentDefinition", "ContentTypes": [{"DisplayName": "无名"}]}""")]
    [InlineData("""{"name": "ContentDefinition", "ContentTypes": [{"Name": "1Bad"}]}""")]
    public async Task Execute_TypeWithoutValidName_Throws(string json)
        => await Assert.ThrowsAsync<RecipeException>(
            () => DefinitionStepFactory.Create(new InMemoryDefinitions()).ExecuteAsync(DefinitionStepFactory.Step(json)));
}
