using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Recipes;

public sealed class RecipesAdminTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json, string query = "")
    {
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/admin/recipes", TestContext.Current.CancellationToken));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "recipeFile", "upload.recipe.json");
        return await client.PostAsync("/admin/recipes/import" + query, form, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Import_ValidRecipe_AppliesIt()
    {
        var client = await site.SignInAsync(SiteFactory.AdminUserName);

        var response = await UploadAsync(client, """{"name": "upload", "steps": [{"name": "ContentDefinition", "ContentTypes": [{"Name": "Uploaded"}]}]}""");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await site.GetTypeAsync("Uploaded"));
    }

    [Fact]
    public async Task Import_FailingRecipe_ShowsTheErrorAndChangesNothing()
    {
        var client = await site.SignInAsync(SiteFactory.AdminUserName);

        await UploadAsync(client, """{"name": "bad-upload", "steps": [{"name": "ContentDefinition", "ContentTypes": [{"Name": "NotUploaded"}]}, {"name": "Settings", "PageSize": "Nope"}]}""");
        var page = await client.GetStringAsync("/admin/recipes", TestContext.Current.CancellationToken);

        Assert.Contains("Nope", page, StringComparison.Ordinal);
        Assert.Contains("配方未导入", page, StringComparison.Ordinal);
        Assert.Null(await site.GetTypeAsync("NotUploaded"));
    }

    /// <summary>Issue 16 item 1: the import page shows the report, step by step, in Chinese (and in English).</summary>
    [Theory]
    [InlineData("zh-CN", "报告：配方跳过或舍弃的内容", "第 1 步（themes）：已跳过", "是否想写“Content”")]
    [InlineData("en-US", "Report: what the recipe skipped or dropped", "Step 1 ('themes'): Skipped", "Did you mean 'Content'")]
    public async Task Import_RecipeWithUnknownSteps_ShowsTheReport(string culture, string heading, string skipped, string suggestion)
    {
        var client = await site.SignInAsync(SiteFactory.AdminUserName);
        var type = "Reported" + culture.Replace("-", "", StringComparison.Ordinal);
        var query = "?culture=" + culture;

        var response = await UploadAsync(client, $$"""{"name": "reported", "steps": [{"name": "themes", "site": "TheBlogTheme"}, {"name": "ContentDefinition", "ContentTypes": [{"Name": "{{type}}"}]}, {"name": "Contnet", "data": []}]}""", query);
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/admin/recipes" + query, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await site.GetTypeAsync(type));
        Assert.Contains(heading, page, StringComparison.Ordinal);
        Assert.Contains(skipped, page, StringComparison.Ordinal);
        Assert.Contains("Contnet", page, StringComparison.Ordinal);
        Assert.Contains(suggestion, page, StringComparison.Ordinal);
    }

    /// <summary>Issue 16 item 2: the import page's Name=Value lines are the recipe's parameters; the admin ones default to the importer.</summary>
    [Fact]
    public async Task Import_WithParameters_GivesThemToTheRecipe()
    {
        var client = await site.SignInAsync(SiteFactory.AdminUserName);
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/admin/recipes", TestContext.Current.CancellationToken));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("ParamType=ParameterizedType\nLabel=由参数=命名"), "parameters");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("""
            {"name": "params", "steps": [{"name": "ContentDefinition", "ContentTypes": [
              {"Name": "[js: parameters('ParamType')]", "DisplayName": "[js: parameters('Label') + '/' + parameters('AdminUsername')]"}]}]}
            """));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "recipeFile", "params.recipe.json");

        var response = await client.PostAsync("/admin/recipes/import", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("由参数=命名/" + SiteFactory.AdminUserName, (await site.GetTypeAsync("ParameterizedType"))?.DisplayName);
    }

    [Fact]
    public async Task Export_DownloadsARecipeNamedByDate()
    {
        var client = await site.SignInAsync(SiteFactory.AdminUserName);
        await site.RunRecipeAsync("""{"name": "x", "steps": [{"name": "ContentDefinition", "ContentTypes": [{"Name": "Exported", "DisplayName": "导出"}]}]}""");

        var response = await SiteFactory.PostFormAsync(client, "/admin/recipes/export", "/admin/recipes/export", new() { ["definitionTypes"] = "Exported" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("liaison-export-", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.Contains("\"Exported\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/recipes")]
    [InlineData("/admin/recipes/export")]
    [InlineData("/admin/content-types")]
    public async Task AdminPages_Anonymous_AreRefused(string url)
    {
        var response = await site.CreateBrowserClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
