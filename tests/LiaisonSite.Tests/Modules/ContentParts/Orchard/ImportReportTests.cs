using System.Net;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts.Orchard;

/// <summary>
/// What an Orchard-shaped import keeps but does not show, or had to change, is in the recipe's report (issue 16, items
/// 4 and 5), not only in the log: widgets Orchard places through layers (HtmlWidget, RawHtml), parts without code, and a
/// generated address that was taken.
/// </summary>
public sealed class ImportReportTests(AgencyShapedSite site) : IClassFixture<AgencyShapedSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LayerWidgets_AreKept_AndReportedAsNotShown_WithTheirZoneAndLayer()
    {
        var (htmlId, rawId) = (ContentItem.NewId(), ContentItem.NewId());
        var recipe = """
            { "name": "widgets", "steps": [
              { "name": "layers", "Layers": [ { "Name": "Always", "Rule": "true" } ] },
              { "name": "ContentDefinition", "ContentTypes": [
                { "Name": "HtmlWidget", "DisplayName": "Html",
                  "Settings": { "ContentTypeSettings": { "Draftable": true, "Versionable": true, "Stereotype": "Widget" } },
                  "ContentTypePartDefinitionRecords": [
                    { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart", "Settings": { "ContentTypePartSettings": { "Position": "0" } } } ] },
                { "Name": "RawHtml", "DisplayName": "Raw Html",
                  "Settings": { "ContentTypeSettings": { "Stereotype": "Widget" } },
                  "ContentTypePartDefinitionRecords": [
                    { "PartName": "RawHtml", "Name": "RawHtml", "Settings": { "ContentTypePartSettings": { "Position": "0" } } } ] } ],
                "ContentParts": [ { "Name": "RawHtml", "ContentPartFieldDefinitionRecords": [
                    { "FieldName": "HtmlField", "Name": "Content", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Content" } } } ] } ] },
              { "name": "Content", "data": [
                { "ContentItemId": "HTML_ID", "ContentType": "HtmlWidget", "DisplayText": "Footer links", "Published": true,
                  "HtmlBodyPart": { "Html": "<p>Contact the committee office</p>" },
                  "LayerMetadata": { "RenderTitle": false, "Position": 5, "Zone": "Footer", "Layer": "Always" } },
                { "ContentItemId": "RAW_ID", "ContentType": "RawHtml", "DisplayText": "Counter", "Published": true,
                  "RawHtml": { "Content": { "Html": "<div class=\"counter\">42</div>" } },
                  "LayerMetadata": { "Position": 1, "Zone": "Content", "Layer": "Homepage" } } ] } ] }
            """.Replace("HTML_ID", htmlId, StringComparison.Ordinal).Replace("RAW_ID", rawId, StringComparison.Ordinal);

        var result = await RunAsync(recipe);

        Assert.Contains(result.Report.SkippedSteps, n => n.StepName == "layers");
        var html = Assert.Single(result.Report.Notes, n => n.Message.Contains(htmlId, StringComparison.Ordinal));
        Assert.Equal(RecipeNoteKind.Dropped, html.Kind);
        Assert.Equal("Content", html.StepName);
        Assert.Contains("no layer/zone", html.Message);
        Assert.Contains("Footer", html.Message);
        Assert.Contains("Always", html.Message);
        var raw = Assert.Single(result.Report.Notes, n => n.Message.Contains(rawId, StringComparison.Ordinal));
        Assert.Contains("no layer/zone", raw.Message);
        Assert.Contains("Homepage", raw.Message);

        await using var scope = site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var keptHtml = (await contents.GetAsync(htmlId))!;
        var keptRaw = (await contents.GetAsync(rawId))!;
        Assert.Equal("<p>Contact the committee office</p>", keptHtml.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>());
        Assert.Equal("Footer", keptHtml.Content["LayerMetadata"]!["Zone"]!.GetValue<string>());
        Assert.Equal("<div class=\"counter\">42</div>", keptRaw.Content["RawHtml"]!["Content"]!["Html"]!.GetValue<string>());
    }

    [Fact]
    public async Task PartsWithoutCode_AreReportedAsKeptNotShown()
    {
        var id = ContentItem.NewId();
        var recipe = """
            { "name": "seo", "steps": [ { "name": "Content", "data": [
              { "ContentItemId": "ITEM_ID", "ContentType": "LandingPage", "DisplayText": "Seo page", "Published": true,
                "TitlePart": { "Title": "Seo page" }, "SeoMetaPart": { "PageTitle": "Kept" } } ] } ] }
            """.Replace("ITEM_ID", id, StringComparison.Ordinal);

        var result = await RunAsync(recipe);

        var note = Assert.Single(result.Report.Notes, n => n.Message.Contains(id, StringComparison.Ordinal));
        Assert.Equal(RecipeNoteKind.Dropped, note.Kind);
        Assert.Contains("SeoMetaPart", note.Message);
        Assert.Contains("kept", note.Message);
    }

    [Fact]
    public async Task PartsTheCodeShows_ThoughTheTypeDoesNotList_AreNotReported()
    {
        // Orchard attaches ContainedPart to a list's items and MenuItemsListPart to menu items without either being one
        // of their type's parts; this site lists the first and shows the second in the navigation.
        var (pageId, menuId, linkId) = (ContentItem.NewId(), ContentItem.NewId(), ContentItem.NewId());
        var recipe = """
            { "name": "shown", "steps": [ { "name": "Content", "data": [
              { "ContentItemId": "PAGE_ID", "ContentType": "LandingPage", "DisplayText": "Contained page", "Published": true,
                "TitlePart": { "Title": "Contained page" }, "ContainedPart": { "ListContentItemId": "PAGE_ID", "Order": 0 } },
              { "ContentItemId": "MENU_ID", "ContentType": "Menu", "DisplayText": "Side menu", "Published": true,
                "MenuItemsListPart": { "MenuItems": [ { "ContentType": "LinkMenuItem", "ContentItemId": "LINK_ID",
                  "LinkMenuItemPart": { "Name": "About", "Url": "~/about" } } ] } } ] } ] }
            """.Replace("PAGE_ID", pageId, StringComparison.Ordinal).Replace("MENU_ID", menuId, StringComparison.Ordinal)
            .Replace("LINK_ID", linkId, StringComparison.Ordinal);

        var result = await RunAsync(recipe);

        Assert.DoesNotContain(result.Report.Notes, n => n.Message.Contains(pageId, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Report.Notes, n => n.Message.Contains(menuId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGeneratedAddressThatIsTaken_IsReportedWithTheAddressGiven_NotSilentlyRenamed()
    {
        var id = ContentItem.NewId();
        var recipe = """
            { "name": "second-story", "steps": [ { "name": "Content", "data": [
              { "ContentItemId": "ITEM_ID", "ContentType": "LandingPage", "DisplayText": "Our Story", "Published": true,
                "TitlePart": { "Title": "Our Story" }, "Services": { "ContentItems": [] } } ] } ] }
            """.Replace("ITEM_ID", id, StringComparison.Ordinal);

        var result = await RunAsync(recipe);

        var note = Assert.Single(result.Report.Notes, n => n.Message.Contains(id, StringComparison.Ordinal));
        Assert.Equal(RecipeNoteKind.Warning, note.Kind);
        Assert.Contains("\"/our-story\"", note.Message);
        Assert.Contains("\"/our-story-2\"", note.Message);
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/our-story-2", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/our-story", Ct)).StatusCode);
    }

    [Fact]
    public async Task APathTheItemBrings_ThatAnotherItemHas_RefusesTheRecipe_NamingThePath()
    {
        const string recipe = """
            { "name": "taken-path", "steps": [ { "name": "Content", "data": [
              { "ContentType": "LandingPage", "DisplayText": "Impostor", "Published": true,
                "TitlePart": { "Title": "Impostor" }, "AutoroutePart": { "Path": "home-page" } } ] } ] }
            """;

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(recipe));

        Assert.Contains("home-page", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
    }

    private async Task<RecipeResult> RunAsync(string recipe)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Ct);
    }
}
