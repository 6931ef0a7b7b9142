using System.Text;
using System.Text.Json.Nodes;
using LiaisonSite.Core.Recipes;

namespace LiaisonSite.Tests.Recipes;

/// <summary>
/// A recipe read from its text with a Content step's items located, not parsed (issue 14 part 2: 20,000 items held as
/// a string, a tree and an evaluated copy took the import to 651 MB). What is read must be what the whole-text parser
/// reads; the executor's use of it is covered by every recipe test, and by <see cref="RecipeExecutionTests"/>.
/// </summary>
public sealed class RecipeDocumentTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    private static RecipeDocument Parse(string text) => RecipeDocument.Parse(Encoding.UTF8.GetBytes(text), null, name => name switch
    {
        "Content" => ["data"],
        "Roster" => ["Members", "Persons"],
        _ => [],
    });

    [Fact]
    public void ContentStep_ItemsAreLocated_AndEachParsesAsWritten_WithCommentsAndTrailingCommas()
    {
        var document = Parse("""
            // an import
            {"name": "news", "steps": [
              {"name": "Roles", "Roles": [{"Name": "编辑"}]},
              {"data": [
                 {"ContentItemId": "a1", "ContentType": "News", /* the first */ "TitlePart": {"Title": "第一条"}},
                 {"ContentItemId": "a2", "ContentType": "News", "TitlePart": {"Title": "第二条",},},
               ], "name": "Content", "note": "data before name"},
            ],}
            """);

        var steps = document.Root.GetArray("steps");
        Assert.Equal(2, steps.Count);
        Assert.Empty(document.ArraysOf(0));
        Assert.Equal("编辑", steps[0]!["Roles"]![0]!["Name"]!.GetValue<string>());

        var items = document.ArraysOf(1)["data"];
        Assert.Equal(2, items.Count);
        Assert.Empty(((JsonObject)steps[1]!).GetArray("data"));
        Assert.Equal("data before name", ((JsonObject)steps[1]!).GetString("note"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"ContentItemId": "a2", "ContentType": "News", "TitlePart": {"Title": "第二条"}}"""), items.Parse(1)));
        Assert.Equal("第一条", items.Parse(0)!["TitlePart"]!["Title"]!.GetValue<string>());
    }

    /// <summary>A step's arrays its handler reads item by item are located by their names in any case; the rest is parsed.</summary>
    [Fact]
    public void RosterStep_RowArraysAreLocated_AnotherArrayAndAPathAreParsed()
    {
        var document = Parse("""
            {"name": "roster", "steps": [
              {"name": "Roster", "Units": [{"Name": "语文教研室"}], "persons": [{"学号/工号": "S1"}, {"学号/工号": "S2"}], "Members": "roster/members.csv"},
              {"name": "Roster", "Persons": [], "persons": [{"学号/工号": "S3"}]}
            ]}
            """);

        var arrays = document.ArraysOf(0);
        Assert.Equal(["persons"], arrays.Keys);
        Assert.Equal(2, arrays["Persons"].Count);
        Assert.Equal("S2", arrays["persons"].Parse(1)!["学号/工号"]!.GetValue<string>());
        var step = (JsonObject)document.Root.GetArray("steps")[0]!;
        Assert.Empty(step.GetArray("persons"));
        Assert.Equal("语文教研室", step.GetArray("Units")[0]!["Name"]!.GetValue<string>());
        Assert.Equal("roster/members.csv", step.GetString("Members"));

        // Written twice: which one is meant is not guessed; the step is parsed as written and the handler decides.
        Assert.Empty(document.ArraysOf(1));
        Assert.Single(((JsonObject)document.Root.GetArray("steps")[1]!).GetArray("persons"));
    }

    [Fact]
    public void Utf8ByteOrderMark_IsSkipped()
    {
        var text = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"name": "带BOM", "steps": []}""")).ToArray();

        Assert.Equal("带BOM", RecipeDocument.Parse(text).Root.GetString("name"));
    }

    [Theory]
    [InlineData("""{"name": "x", "steps": [{"name": "Content", "data": [{"ContentItemId": "a1",, }]}]}""")]
    [InlineData("""{"name": "x", "steps": [{"name": "Content", "data": [{"ContentItemId": "a1"}]}]} trailing""")]
    [InlineData("""{"name": "x", "name": "y", "steps": []}""")]
    [InlineData("""{"name": "x", "steps": [], "Steps": [{"name": "Content", "data": []}]}""")]
    [InlineData("")]
    public void InvalidJson_AnywhereInTheText_IsRefusedBeforeAnythingRuns(string text)
    {
        var e = Assert.Throws<RecipeException>(() => Parse(text));

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    public void NotAnObject_IsRefused(string text)
    {
        var e = Assert.Throws<RecipeException>(() => Parse(text));

        Assert.Contains("must be a JSON object", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A long id written on a later item is known when an earlier item refers to it (the step's ids are learnt from
    /// every item before the first is imported, as when the step was held whole).
    /// </summary>
    [Fact]
    public async Task LongId_OfALaterItem_IsReplacedInAnEarlierItemsReference()
    {
        const string LongId = "6a1f3c2e-9b7d-4e21-8f00-streamed-item-2";
        var recipe = """
            {"name": "streamed-ids", "steps": [
              {"name": "ContentDefinition",
               "ContentTypes": [{"Name": "Streamed", "DisplayName": "Streamed", "Settings": {"Creatable": "True"},
                                 "ContentTypePartDefinitionRecords": [{"PartName": "Streamed", "Name": "Streamed"}]}],
               "ContentParts": [{"Name": "Streamed", "ContentPartFieldDefinitionRecords": [
                 {"FieldName": "NoteField", "Name": "Note", "Settings": {"DisplayName": "备注"}}]}]},
              {"name": "Content", "data": [
                {"ContentItemId": "streamed-item-1", "ContentType": "Streamed", "DisplayText": "前", "Streamed": {"Note": {"Text": "LONGID"}}},
                {"ContentItemId": "LONGID", "ContentType": "Streamed", "DisplayText": "后", "Streamed": {"Note": {"Text": "[js: 'b' + 'c']"}}}
              ]}]}
            """.Replace("LONGID", LongId, StringComparison.Ordinal);

        await site.RunRecipeAsync(recipe);

        var versions = await site.VersionsAsync("Streamed");
        var shortId = RecipeIds.Shorten(LongId);
        Assert.Equal(new[] { "streamed-item-1", shortId }.Order(StringComparer.Ordinal), versions.Select(v => v.ContentItemId).Order(StringComparer.Ordinal));
        Assert.Equal(shortId, versions.Single(v => v.DisplayText == "前").Content["Streamed"]!["Note"]!["Text"]!.GetValue<string>());
        Assert.Equal("bc", versions.Single(v => v.ContentItemId == shortId).Content["Streamed"]!["Note"]!["Text"]!.GetValue<string>());
    }
}
