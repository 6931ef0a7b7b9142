using System.Net;
using Liaison.ContentParts.Lists;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts.Orchard;

/// <summary>
/// A site set up from a recipe in Orchard Core's blog shape: the blog lists its published posts newest first, a page of
/// the ListPart's PageSize at a time; a post shows its subtitle (a TextField of the type-named part) and its Markdown
/// body; a post without a path gets one from Orchard's container pattern; /about is served. Blog and BlogPost are
/// Securable, as in Orchard's recipe, and public without a grant of the recipe's.
/// </summary>
public sealed class BlogShapedSiteTests(BlogShapedSite site) : IClassFixture<BlogShapedSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Blog_ListsPublishedPosts_NewestFirst_PagedByThePageSize()
    {
        var client = site.CreateClient();

        var first = await GetPageAsync(client, "/blog");
        Assert.Contains("Notes of the liaison office", first);
        Assert.Contains("href=\"/blog/post-3\"", first);
        Assert.True(first.IndexOf("Third visit", StringComparison.Ordinal) < first.IndexOf("Second Visit", StringComparison.Ordinal));
        Assert.DoesNotContain("Walking the campus", first);
        Assert.DoesNotContain("Unfinished draft", first);
        Assert.Contains("rel=\"next\"", first);

        var second = await GetPageAsync(client, "/blog?page=2");
        Assert.Contains("href=\"/blog/post-1\"", second);
        Assert.Contains("Walking the campus", second);
        Assert.DoesNotContain("Third visit", second);
        Assert.DoesNotContain("Unfinished draft", second);
    }

    [Fact]
    public async Task BlogPost_ShowsItsSubtitleAndMarkdownBody()
    {
        var page = await GetPageAsync(site.CreateClient(), "/blog/post-1");

        Assert.Contains("<h1>Walking the campus</h1>", page);
        Assert.Contains("Problems look small from the playground", page);
        Assert.Contains("We met <strong>every</strong> teacher of grade one.", page);
        Assert.Contains("A <em>second</em> paragraph.", page);
    }

    [Fact]
    public async Task BlogPost_WithoutAPath_GetsOneFromTheContainerPattern_DraftIsNotServed()
    {
        var client = site.CreateClient();

        var page = await GetPageAsync(client, "/blog/second-visit");
        Assert.Contains("Generated address", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/blog/draft", Ct)).StatusCode);
    }

    [Fact]
    public async Task About_IsServedWithTheArticlesSubtitle()
    {
        var page = await GetPageAsync(site.CreateClient(), "/about");

        Assert.Contains("<h1>About</h1>", page);
        Assert.Contains("This is what we do.", page);
        Assert.Contains("We keep in touch with every teacher.", page);
    }

    [Fact]
    public async Task LegacyFlatPartSettings_AreStoredUnderTheirPartsSettings()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
        var post = (await definitions.GetTypeAsync("BlogPost"))!;
        var blog = (await definitions.GetTypeAsync("Blog"))!;

        var autoroute = post.Parts.Single(p => p.PartName == "AutoroutePart").Settings;
        Assert.True(autoroute["AutoroutePartSettings"]!["AllowCustomPath"]!.GetValue<bool>());
        Assert.False(autoroute["AutoroutePartSettings"]!["ShowHomepageOption"]!.GetValue<bool>());
        Assert.Contains("container", autoroute["AutoroutePartSettings"]!["Pattern"]!.GetValue<string>());
        Assert.Null(autoroute["AllowCustomPath"]);
        Assert.Equal("1", autoroute["ContentTypePartSettings"]!["Position"]!.GetValue<string>());

        var list = blog.Parts.Single(p => p.PartName == "ListPart").Settings.GetSettings<ListPartSettings>();
        Assert.Equal(2, list.PageSize);
        Assert.Equal(["BlogPost"], list.ContainedContentTypes);
        // Securable as in Orchard's blog recipe: the types get their own permissions, and are public all the same
        // (the recipe grants nothing; a new site's Anonymous holds Orchard's ViewContent).
        Assert.True(post.TypeSettings.Securable);
        Assert.True(blog.TypeSettings.Securable);
    }

    [Fact]
    public async Task ListPage_QueriesTheContainedPartIndex_NotAScan()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var types = new List<string> { "BlogPost" };
        var query = db.Set<ContainedPartIndex>()
            .Where(r => r.ListContentItemId == "x" && r.Published && types.Contains(r.ContentType))
            .OrderByDescending(r => r.SortUtc).ThenByDescending(r => r.Id).Skip(10).Take(10).Select(r => r.ContentItemVersionId);

        var plan = await SqlitePlans.ExplainAsync(db, query.ToQueryString(), Ct);
        Assert.Contains("USING INDEX IX_ContainedPartIndex_ListContentItemId_Published_SortUtc", plan);
    }

    private static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return page;
    }
}
