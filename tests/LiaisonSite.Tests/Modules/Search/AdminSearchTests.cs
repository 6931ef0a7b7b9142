using System.Net;
using Liaison.Search.Indexing;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Search;

public sealed class AdminSearchTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminSearch_ShowsAPrivateItemToItsOwnerAndToViewAll_ButNotToAnotherMember()
    {
        await SearchSite.DefineTypesAsync(site);
        await SearchSite.CreateAsync(site, SearchSite.PrivateType, "谈话记录 zqxscope", "<p>zqxscope</p>", publish: true, owner: "member2");
        await SearchSite.CreateAsync(site, SearchSite.PublicType, "公开报道 zqxscope", "<p>zqxscope</p>", publish: true);
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var adminPage = await SearchSite.PollAsync(admin, "/admin/search?q=zqxscope", p => SearchSite.Titles(p).Count == 2);
        var ownerPage = await SearchSite.GetAsync(await site.SignInAsync("member2"), "/admin/search?q=zqxscope");
        var otherPage = await SearchSite.GetAsync(await site.SignInAsync("member1"), "/admin/search?q=zqxscope");

        Assert.Equal(2, SearchSite.Titles(adminPage).Count);
        Assert.Contains("谈话记录 zqxscope", SearchSite.Titles(ownerPage));
        Assert.Equal(["公开报道 zqxscope"], SearchSite.Titles(otherPage));
    }

    [Fact]
    public async Task AdminSearch_PagesThroughWhatTheUserMaySee_AndHighlightsOnlyThePageShown()
    {
        await SearchSite.DefineTypesAsync(site);
        for (var i = 1; i <= 22; i++)
        {
            await SearchSite.CreateAsync(site, SearchSite.PublicType, $"分页报道 zqxpaging {i}", "<p>正文 zqxpaging</p>", publish: true);
        }

        // Another member's private item is ranked among them, but is neither counted nor shown to member1.
        await SearchSite.CreateAsync(site, SearchSite.PrivateType, "谈话记录 zqxpaging", "<p>zqxpaging</p>", publish: true, owner: "member2");
        var member = await site.SignInAsync("member1");
        var first = await SearchSite.PollAsync(member, "/admin/search?q=zqxpaging", p => p.QuerySelector("[role=status]")?.TextContent.Contains("22") == true);
        var second = await SearchSite.GetAsync(member, "/admin/search?q=zqxpaging&page=2");

        var titles = SearchSite.Titles(first).Concat(SearchSite.Titles(second)).ToList();
        Assert.Equal(22, titles.Count);
        Assert.Equal(22, titles.Distinct().Count());
        Assert.All(titles, t => Assert.StartsWith("分页报道 zqxpaging", t));
        Assert.Contains("22", first.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(20, SearchSite.Titles(first).Count);
        Assert.NotEmpty(second.QuerySelectorAll("mark"));
    }

    [Fact]
    public async Task AdminSearch_Anonymous_IsRefused()
    {
        var response = await site.CreateBrowserClient().GetAsync("/admin/search?q=zqx", Cancel);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Rebuild_ByAnAdministrator_ReindexesEveryPublishedItemAndKeepsSearchWorking()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var response = await SiteFactory.PostFormAsync(admin, "/admin/search/index", "/admin/search/index/rebuild", []);
        var status = await SearchSite.GetAsync(admin, "/admin/search/index");
        var found = await SearchSite.GetAsync(site.CreateClient(), "/search?q=" + Uri.EscapeDataString("谈心"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("搜索索引已重建", status.Body!.TextContent);
        Assert.True(int.Parse(status.QuerySelector("[data-public-documents]")!.TextContent) > 0);
        Assert.NotEmpty(SearchSite.Titles(found));
    }

    [Fact]
    public async Task RebuildCommand_PutsBackADocumentTheIndexLost_AndCountsEveryPublishedItem()
    {
        await SearchSite.DefineTypesAsync(site);
        var id = await SearchSite.CreateAsync(site, SearchSite.PublicType, "命令行重建 zqxrebuild", "<p>zqxrebuild</p>", publish: true);
        var anonymous = site.CreateClient();
        await SearchSite.PollAsync(anonymous, "/search?q=zqxrebuild", p => SearchSite.Titles(p).Count == 1);
        var store = site.Services.GetRequiredService<SearchStore>();
        store.Index.Delete(id);
        store.Index.Commit();
        var lost = await SearchSite.GetAsync(anonymous, "/search?q=zqxrebuild");

        await using var scope = site.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<ICommandLineCommand>().Single(c => c.Verb.SequenceEqual(["search", "rebuild"]));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await command.RunAsync(scope.ServiceProvider, [], output, error);
        var published = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<ContentItem>().CountAsync(c => c.Published, Cancel);
        var found = await SearchSite.GetAsync(anonymous, "/search?q=zqxrebuild");

        Assert.Empty(SearchSite.Titles(lost));
        Assert.Equal(0, exitCode);
        Assert.Equal("", error.ToString());
        Assert.Contains($" {published} ", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(["命令行重建 zqxrebuild"], SearchSite.Titles(found));
    }

    [Fact]
    public async Task RebuildCommand_WithArguments_PrintsItsUsageAndChangesNothing()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<ICommandLineCommand>().Single(c => c.Verb.SequenceEqual(["search", "rebuild"]));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await command.RunAsync(scope.ServiceProvider, ["--all"], output, error);

        Assert.Equal(1, exitCode);
        Assert.Contains("search rebuild", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task ContactAssignments_AreNeverIndexed_EvenForWhoMaySeeThemAll()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        await SiteFactory.PostFormAsync(admin, "/admin/search/index", "/admin/search/index/rebuild", []);

        // Words only the demo's contact notes hold; the administrator may open every one of those contacts.
        var page = await SearchSite.GetAsync(admin, "/admin/search?q=" + Uri.EscapeDataString("协助申请学校资助"));
        var contact = await admin.GetAsync("/api/content/contact-d101-1", Cancel);

        Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
        Assert.Empty(SearchSite.Titles(page));
    }

    [Fact]
    public async Task RebuildPage_WithoutSearchManage_IsRefused()
    {
        var member = await site.SignInAsync("member1");

        var response = await member.GetAsync("/admin/search/index", Cancel);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
