using System.Net;
using Liaison.Recipes.Services;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Recipes;

/// <summary>
/// Issue 8, finding 18: the items of a Securable type (or one governed by an access scope) leave the site only
/// through an export filter that names the type; a private type nobody wrote a filter for is refused, not exported.
/// </summary>
public sealed class RecipeExportFailsClosedTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    private const string Recipe = """
        {"name": "private", "steps": [
          {"name": "ContentDefinition",
           "ContentTypes": [
             {"Name": "Diary", "DisplayName": "日记", "Settings": {"Creatable": "True", "Securable": "True"},
              "ContentTypePartDefinitionRecords": [{"PartName": "Diary", "Name": "Diary"}]},
             {"Name": "Notice", "DisplayName": "通知", "Settings": {"Creatable": "True"},
              "ContentTypePartDefinitionRecords": [{"PartName": "Notice", "Name": "Notice"}]}],
           "ContentParts": [
             {"Name": "Diary", "ContentPartFieldDefinitionRecords": [{"FieldName": "NoteField", "Name": "Text", "Settings": {}}]},
             {"Name": "Notice", "ContentPartFieldDefinitionRecords": [{"FieldName": "NoteField", "Name": "Text", "Settings": {}}]}]},
          {"name": "Content", "data": [
            {"ContentItemId": "diary1", "ContentType": "Diary", "DisplayText": "私人日记", "Diary": {"Text": {"Text": "不可外传的心事"}}},
            {"ContentItemId": "notice1", "ContentType": "Notice", "DisplayText": "公开通知", "Notice": {"Text": {"Text": "大家都能看"}}}]}]}
        """;

    [Theory]
    [InlineData("Diary")]
    [InlineData("diary")]
    public async Task Export_OfASecurableTypeWithoutAFilter_IsRefused_AndNothingIsDownloaded(string typeName)
    {
        await site.RunRecipeAsync(Recipe);
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var response = await SiteFactory.PostFormAsync(admin, "/admin/recipes/export", "/admin/recipes/export",
            new() { ["contentTypes"] = typeName });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains("Diary", await admin.GetStringAsync("/admin/recipes/export", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporter_CalledDirectly_LeavesTheUnfilteredPrivateItemsOut_ButExportsTheOthers()
    {
        await site.RunRecipeAsync(Recipe);

        var recipe = await site.WithScopeAsync(sp => sp.GetRequiredService<RecipeExporter>()
            .ExportAsync(new RecipeExportRequest([], ["Diary", "Notice"], LatestVersions: true), TestContext.Current.CancellationToken));
        var ids = recipe.Recipe["steps"]!.AsArray().Where(s => s!["name"]!.GetValue<string>() == "Content")
            .SelectMany(s => s!["data"]!.AsArray()).Select(i => i!["ContentItemId"]!.GetValue<string>()).ToList();

        Assert.DoesNotContain("diary1", ids);
        Assert.Contains("notice1", ids);
    }
}
