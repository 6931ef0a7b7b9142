using System.Net;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Recipes.Orchard;

/// <summary>A site set up non-interactively (Liaison:Setup:Recipe = a file path) from the project's Orchard-shaped blog recipe.</summary>
public sealed class OrchardBlogSiteFactory() : SiteFactory(Path.Combine(AppContext.BaseDirectory, "TestData", "Recipes", "Orchard", "blog-shaped.recipe.json"));

/// <summary>
/// Issue 16 (items 1, 2, 3, 7, 8 and the "Done when" setup): a recipe in Orchard Core's shape sets up a site. Its
/// Orchard steps are skipped, its parameters, variables, files, base64() and gzip() evaluate, Owner given as a user id
/// is mapped, dates and ids are kept (a long id shortened), and its Securable Blog and BlogPost are served publicly
/// because Anonymous holds ViewContent.
/// </summary>
public sealed class OrchardShapedSetupTests(OrchardBlogSiteFactory site) : IClassFixture<OrchardBlogSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> InScopeAsync<T>(Func<LiaisonDbContext, Task<T>> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }

    private Task<ContentItem> LatestAsync(string type) => InScopeAsync(db => db.ContentItems.AsNoTracking().SingleAsync(c => c.ContentType == type && c.Latest, Ct));

    [Theory]
    [InlineData("/blog", "测试学校党委 的博客")]
    [InlineData("/blog/post-1", "第一篇博文")]
    [InlineData("/orchard-about", "校园博客页脚")]
    public async Task SecurableAndPlainTypesWithAnAddress_AreServedToAnonymousVisitors(string path, string text)
    {
        var response = await site.CreateBrowserClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlogPost_HasItsSubtitleFromBase64_AndItsBodyFromGzip()
    {
        var post = await LatestAsync("BlogPost");

        Assert.Equal("来自 base64 的副标题", post.Content["BlogPost"]?["Subtitle"]?["Text"]?.GetValue<string>());
        Assert.Equal("<p>gzip 解出的正文。</p>", post.Content["HtmlBodyPart"]?["Html"]?.GetValue<string>());
    }

    [Fact]
    public async Task Owner_GivenAsTheAdminUserId_IsTheAdminUserName_AndAnUnknownOwnerFallsBackToTheAdmin()
    {
        Assert.Equal(SiteFactory.AdminUserName, (await LatestAsync("Blog")).Owner);
        Assert.Equal(SiteFactory.AdminUserName, (await LatestAsync("BlogPost")).Owner);
        Assert.Equal(SiteFactory.AdminUserName, (await LatestAsync("Article")).Owner);
    }

    [Fact]
    public async Task Dates_AndVersionId_AreKept_AndWrittenInUtcWithZ()
    {
        var blog = await LatestAsync("Blog");
        var post = await LatestAsync("BlogPost");
        var json = ContentItemJson.ToJson(blog);

        Assert.Equal(new DateTime(2025, 9, 1, 8, 30, 0, DateTimeKind.Utc), blog.CreatedUtc);
        Assert.Equal(new DateTime(2025, 9, 2, 9, 0, 0, DateTimeKind.Utc), blog.ModifiedUtc);
        Assert.Equal(new DateTime(2025, 9, 3, 10, 0, 0, DateTimeKind.Utc), blog.PublishedUtc);
        Assert.Equal("2025-09-01T08:30:00Z", json["CreatedUtc"]?.GetValue<string>());
        Assert.Equal("2025-09-03T10:00:00Z", json["PublishedUtc"]?.GetValue<string>());
        Assert.Equal("4orchardshapedpost1version", post.ContentItemVersionId);
        Assert.Equal("4orchardshapedpost1aaaaaaa", post.ContentItemId);
    }

    [Fact]
    public async Task AnIdLongerThan26Characters_IsStoredAsItsStableShortForm()
    {
        var article = await LatestAsync("Article");

        Assert.Equal(26, article.ContentItemId.Length);
        Assert.Equal(LiaisonSite.Core.Recipes.RecipeIds.Shorten("0f8fad5b-d9cb-469f-a165-70867728950e"), article.ContentItemId);
    }

    [Fact]
    public async Task OrchardsMenu_WrittenWithADisplayTextAndNoTitle_IsImportedAsTheMenuType()
    {
        // Liaison.ContentParts defines Orchard's Menu; the item's title is its DisplayText (items of types no module
        // defines are reported and left out: RecipeExecutionTests.Execute_UnknownContentType_…).
        Assert.Equal(1, await InScopeAsync(db => db.ContentItems.CountAsync(c => c.ContentType == "Menu" && c.Latest, Ct)));
    }

    [Fact]
    public async Task OrchardPermissionNames_InTheRolesStep_AreMappedToOurs()
    {
        var document = await InScopeAsync(async db =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IDocumentStore>().GetAsync<RolePermissionsDocument>(RolePermissionsDocument.DocumentKey);
        });

        Assert.Equal(["Admin.Access", "Contents.EditOwn", "Contents.PublishOwn"], document.Roles["BlogAuthor"].Order(StringComparer.Ordinal));
        Assert.Contains("Contents.View", document.Roles[RoleNames.Anonymous]);
    }
}
