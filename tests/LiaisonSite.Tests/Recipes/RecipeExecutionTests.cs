using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Recipes;

public sealed class RecipeExecutionTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    private static string Definition(string type, bool required = true) => """
        {"name": "ContentDefinition",
         "ContentTypes": [{"Name": "TYPE", "DisplayName": "TYPE", "Settings": {"Creatable": "True", "Versionable": "True", "Draftable": "True"},
                           "ContentTypePartDefinitionRecords": [{"PartName": "TYPE", "Name": "TYPE"}]}],
         "ContentParts": [{"Name": "TYPE", "ContentPartFieldDefinitionRecords": [
           {"FieldName": "NoteField", "Name": "Note", "Settings": {"DisplayName": "备注", "Required": "REQUIRED"}}]}]}
        """.Replace("TYPE", type, StringComparison.Ordinal).Replace("REQUIRED", required.ToString(), StringComparison.Ordinal);

    private static string Item(string type, string id, string? note, bool published = true) => """
        {"ContentItemId": "ID", "ContentType": "TYPE", "DisplayText": "事例 ID", "Published": PUBLISHED, "TYPE": {"Note": NOTE}}
        """.Replace("TYPE", type, StringComparison.Ordinal).Replace("ID", id, StringComparison.Ordinal)
        .Replace("PUBLISHED", published ? "true" : "false", StringComparison.Ordinal)
        .Replace("NOTE", note is null ? "{}" : "{\"Text\": \"" + note + "\"}", StringComparison.Ordinal);

    /// <summary>Issue 15 item 6: an imported item keeps its CreatedUtc, ModifiedUtc and PublishedUtc.</summary>
    [Fact]
    public async Task Execute_ContentItemDates_AreKept()
    {
        var plain = Item("Dated", "dated1", "旧闻").TrimEnd();
        var item = plain[..plain.LastIndexOf('}')]
            + """, "CreatedUtc": "2025-03-01T08:00:00Z", "ModifiedUtc": "2025-03-02T09:30:00Z", "PublishedUtc": "2025-03-03T10:00:00Z"}""";
        var recipe = $$"""{"name": "dated", "steps": [{{Definition("Dated")}}, {"name": "Content", "data": [{{item}}]}]}""";

        await site.RunRecipeAsync(recipe);

        var version = Assert.Single(await site.VersionsAsync("Dated"));
        Assert.Equal(new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc), version.CreatedUtc);
        Assert.Equal(new DateTime(2025, 3, 2, 9, 30, 0, DateTimeKind.Utc), version.ModifiedUtc);
        Assert.Equal(new DateTime(2025, 3, 3, 10, 0, 0, DateTimeKind.Utc), version.PublishedUtc);
    }

    /// <summary>Issue 16 item 1: an unknown step is skipped with a note in the report; the known steps run.</summary>
    [Fact]
    public async Task Execute_UnknownStep_IsSkippedAndReported_AndTheOtherStepsRun()
    {
        var recipe = $$"""{"name": "typo", "steps": [{"name": "feature", "enable": ["OrchardCore.Lists"]}, {{Definition("UnknownStepType")}}, {"name": "NoSuchStep"}]}""";

        var result = await site.RunRecipeAsync(recipe);

        Assert.NotNull(await site.GetTypeAsync("UnknownStepType"));
        Assert.Equal(1, result.StepCount);
        Assert.Equal([(1, "feature"), (3, "NoSuchStep")], result.Report.SkippedSteps.Select(n => (n.StepIndex, n.StepName)));
        Assert.Contains("Orchard Core", result.Report.Notes[0].Message, StringComparison.Ordinal);
    }

    /// <summary>A misspelt step name is only a warning now, so the report names the step it was probably meant to be.</summary>
    [Fact]
    public async Task Execute_MisspeltStep_IsSkipped_AndTheReportSuggestsTheKnownStep()
    {
        var recipe = $$"""{"name": "misspelt", "steps": [{{Definition("MisspeltStepType")}}, {"name": "Contnet", "data": [{{Item("MisspeltStepType", "misspelt1", "x")}}]}]}""";

        var result = await site.RunRecipeAsync(recipe);

        var skipped = Assert.Single(result.Report.SkippedSteps);
        Assert.Equal(2, skipped.StepIndex);
        Assert.Contains("'Contnet'", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("'Content'", skipped.Message, StringComparison.Ordinal);
        Assert.Empty(await site.VersionsAsync("MisspeltStepType"));
    }

    /// <summary>A step without a name is malformed: refused, nothing changed.</summary>
    [Fact]
    public async Task Execute_StepWithoutName_RefusesBeforeAnyStepRuns()
    {
        var recipe = $$"""{"name": "nameless", "steps": [{{Definition("NamelessStepType")}}, {"data": []}]}""";

        var e = await Assert.ThrowsAsync<RecipeException>(() => site.RunRecipeAsync(recipe));

        Assert.Contains("step 2", e.Message, StringComparison.Ordinal);
        Assert.Null(await site.GetTypeAsync("NamelessStepType"));
    }

    [Fact]
    public async Task Execute_InvalidItemInSecondStep_RollsBackTheFirstStep()
    {
        var recipe = $$"""
            {"name": "broken", "steps": [
              {{Definition("RolledBack")}},
              {"name": "content", "Data": [{{Item("RolledBack", "rolledback1", "好")}}, {{Item("RolledBack", "rolledback2", null)}}]}]}
            """;

        var e = await Assert.ThrowsAsync<RecipeException>(() => site.RunRecipeAsync(recipe));

        Assert.Contains("'broken'", e.Message, StringComparison.Ordinal);
        Assert.Contains("step 2 ('content')", e.Message, StringComparison.Ordinal);
        Assert.Contains("rolledback2", e.Message, StringComparison.Ordinal);
        Assert.Contains("备注 is required.", e.Message, StringComparison.Ordinal);
        Assert.Null(await site.GetTypeAsync("RolledBack"));
        Assert.Empty(await site.VersionsAsync("RolledBack"));
    }

    /// <summary>Issue 16 item 1: an item of a type this site does not define is not imported, and the report names it.</summary>
    [Fact]
    public async Task Execute_UnknownContentType_IsReportedNamingTheItem_AndNotImported()
    {
        var recipe = $$$"""{"name": "items", "steps": [{"name": "Content", "data": [{{{Item("NoSuchType", "nosuchtype1", "x")}}}]}]}""";

        var result = await site.RunRecipeAsync(recipe);

        var note = Assert.Single(result.Report.Notes);
        Assert.Equal(RecipeNoteKind.Dropped, note.Kind);
        Assert.Contains("nosuchtype1", note.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchType", note.Message, StringComparison.Ordinal);
        Assert.Empty(await site.VersionsAsync("NoSuchType"));
    }

    [Fact]
    public async Task Execute_SameRecipeTwice_GivesTheSameResult()
    {
        var recipe = $$"""
            {"name": "twice", "steps": [
              {{Definition("Twice")}},
              {"name": "Content", "data": [{{Item("Twice", "twice1", "第一")}}, {{Item("Twice", "twice2", "第二", published: false)}}]}]}
            """;

        await site.RunRecipeAsync(recipe);
        var typeOnce = System.Text.Json.JsonSerializer.Serialize(await site.GetTypeAsync("Twice"));
        var versionsOnce = (await site.VersionsAsync("Twice")).Select(v => (v.ContentItemVersionId, v.Latest, v.Published, v.Content.ToJsonString())).ToList();
        var result = await site.RunRecipeAsync(recipe);

        Assert.Equal(("twice", 2), (result.Name, result.StepCount));
        Assert.True(result.Report.IsEmpty);
        Assert.Equal(typeOnce, System.Text.Json.JsonSerializer.Serialize(await site.GetTypeAsync("Twice")));
        Assert.Equal(versionsOnce, (await site.VersionsAsync("Twice")).Select(v => (v.ContentItemVersionId, v.Latest, v.Published, v.Content.ToJsonString())).ToList());
        Assert.Equal(2, versionsOnce.Count);
        Assert.Single(versionsOnce, v => v.Published);
    }

    [Fact]
    public async Task Execute_ChangedItem_UpdatesItAsANewPublishedVersion()
    {
        await site.RunRecipeAsync($$$"""{"name": "v1", "steps": [{{{Definition("Changed")}}}, {"name": "Content", "data": [{{{Item("Changed", "changed1", "旧")}}}]}]}""");

        await site.RunRecipeAsync($$$"""{"name": "v2", "steps": [{"name": "Content", "data": [{{{Item("Changed", "changed1", "新")}}}]}]}""");

        var versions = await site.VersionsAsync("Changed");
        var published = Assert.Single(versions, v => v.Published);
        Assert.Equal("新", published.Content["Changed"]!["Note"]!["Text"]!.GetValue<string>());
        Assert.True(published.Latest);
        Assert.Equal(SiteFactoryAdmin, published.Owner);
    }

    [Fact]
    public async Task Execute_Expressions_AreEvaluatedWithParametersAndVariables()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var executor = scope.ServiceProvider.GetRequiredService<IRecipeExecutor>();
        var recipe = $$$"""
            {"name": "expr", "variables": {"id": "[js: uuid()]"}, "steps": [
              {{{Definition("Expr", required: false)}}},
              {"name": "Content", "data": [{"ContentItemId": "[js: variables('id')]", "ContentType": "Expr", "DisplayText": "[js: parameters('SiteName')]",
                "Owner": "[js: parameters('AdminUsername')]", "Expr": {"Note": {"Text": "[js: configuration('Liaison:Recipes:Variables:Missing', '默认')]"} } }]}]}
            """;

        await executor.ExecuteAsync(recipe, new Dictionary<string, string?> { ["SiteName"] = "一中党委", ["AdminUsername"] = "admin" },
            TestContext.Current.CancellationToken);

        var item = Assert.Single(await site.VersionsAsync("Expr"));
        Assert.Equal(26, item.ContentItemId.Length);
        Assert.Equal("一中党委", item.DisplayText);
        Assert.Equal("默认", item.Content["Expr"]!["Note"]!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_StepLongerThanABatch_ImportsEveryItem_AndStillRollsBackAsAWhole()
    {
        // The Content step saves and lets go of its items every BatchSize inside the recipe's one transaction: a type
        // defined earlier in the same recipe is still known after a batch, and an invalid last item undoes them all.
        var count = 2 * 100 + 37;
        string Items(string type, bool breakLast) => string.Join(", ", Enumerable.Range(1, count)
            .Select(i => Item(type, $"{type.ToLowerInvariant()}{i}", breakLast && i == count ? null : "第" + i)));

        var broken = $$"""{"name": "big-broken", "steps": [{{Definition("BigBroken")}}, {"name": "Content", "data": [{{Items("BigBroken", breakLast: true)}}]}]}""";
        var e = await Assert.ThrowsAsync<RecipeException>(() => site.RunRecipeAsync(broken));
        Assert.Contains($"bigbroken{count}", e.Message, StringComparison.Ordinal);
        Assert.Null(await site.GetTypeAsync("BigBroken"));
        Assert.Empty(await site.VersionsAsync("BigBroken"));

        var whole = $$"""{"name": "big", "steps": [{{Definition("BigWhole")}}, {"name": "Content", "data": [{{Items("BigWhole", breakLast: false)}}]}]}""";
        await site.RunRecipeAsync(whole);
        var versions = await site.VersionsAsync("BigWhole");
        Assert.Equal(count, versions.Count(v => v.Published && v.Latest));
        Assert.Equal(count, versions.Select(v => v.ContentItemId).Distinct().Count());
        Assert.NotNull(await site.GetTypeAsync("BigWhole"));
    }

    private const string SiteFactoryAdmin = LiaisonSite.Tests.Infrastructure.SiteFactory.AdminUserName;
}
