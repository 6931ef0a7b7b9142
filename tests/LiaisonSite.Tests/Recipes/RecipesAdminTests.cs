using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Recipes;

public sealed class RecipesAdminTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json)
    {
        var token = SiteFactory.AntiforgeryToken(await client.GetStringAsync("/admin/recipes", TestContext.Current.CancellationToken));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "recipeFile", "upload.recipe.json");
        return await client.PostAsync("/admin/recipes/import", form, TestContext.Current.CancellationToken);
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

        await UploadAsync(client, """{"name": "bad-upload", "steps": [{"name": "ContentDefinition", "ContentTypes": [{"Name": "NotUploaded"}]}, {"name": "Nope"}]}""");
        var page = await client.GetStringAsync("/admin/recipes", TestContext.Current.CancellationToken);

        Assert.Contains("Nope", page, StringComparison.Ordinal);
        Assert.Null(await site.GetTypeAsync("NotUploaded"));
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
