using Liaison.Search.Indexing;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Search;

public sealed class PublicSearchTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string HeartToHeartExample = "一次谈心，解开青年教师的心结";
    private const string DraftExample = "后勤党员的暑期检修清单";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_WordInsideASentenceOfARecipeExampleBody_FindsTheExampleWithHighlight()
    {
        // "主动约她在课后谈心": 谈心 is inside a sentence of the demo example's body.
        var page = await SearchSite.PollAsync(site.CreateClient(), "/search?q=" + Uri.EscapeDataString("谈心"),
            p => SearchSite.Titles(p).Contains(HeartToHeartExample));

        Assert.Contains(HeartToHeartExample, SearchSite.Titles(page));
        Assert.Contains(page.QuerySelectorAll("main mark"), m => m.TextContent == "谈心");
        var link = page.QuerySelectorAll("main .tb-card__title a").First(a => a.TextContent.Trim() == HeartToHeartExample);
        Assert.StartsWith("/", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_LongBody_SnippetHighlightsAWordFarIntoIt()
    {
        // The snippet is cut from a window around the first match, not from the body's beginning.
        await SearchSite.DefineTypesAsync(site);
        var filler = string.Concat(Enumerable.Repeat("支部开展日常联系工作，记录每一次走访。", 400));
        await SearchSite.CreateAsync(site, SearchSite.PublicType, "长篇报道 zqxlongbody", $"<p>{filler}结尾处提到 zqxfarword 一词。</p>", publish: true);

        var page = await SearchSite.PollAsync(site.CreateClient(), "/search?q=zqxfarword", p => SearchSite.Titles(p).Count == 1);

        Assert.Equal(["长篇报道 zqxlongbody"], SearchSite.Titles(page));
        Assert.Contains(page.QuerySelectorAll("main mark"), m => m.TextContent == "zqxfarword");
    }

    [Fact]
    public async Task AnonymousSearch_IsAnsweredFromTheCache_AndFindsAnItemOnceTheIndexHasIt()
    {
        await SearchSite.DefineTypesAsync(site);
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        const string url = "/search?q=zqxcachedsearch";
        // The types just defined are forgotten and re-read by the site's background work too (the indexer, the
        // document watcher); an eviction between two searches is right, so the pair is asked again until the site is quiet.
        HttpResponseMessage again;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(url, Cancel)).StatusCode);
            again = await client.GetAsync(url, Cancel);
        }
        while (again.Headers.Age is null && DateTime.UtcNow < deadline);

        Assert.True(again.Headers.Age is not null, "a repeated anonymous search was never answered by the output cache");
        Assert.DoesNotContain("缓存后发布", await again.Content.ReadAsStringAsync(Cancel));

        // Published after its (empty) result was cached: the publish and the index's commit evict the cached page.
        await SearchSite.CreateAsync(site, SearchSite.PublicType, "缓存后发布 zqxcachedsearch", "<p>zqxcachedsearch</p>", publish: true);
        var page = await SearchSite.PollAsync(client, url, p => SearchSite.Titles(p).Count == 1);

        Assert.Equal(["缓存后发布 zqxcachedsearch"], SearchSite.Titles(page));
    }

    [Fact]
    public async Task Search_NeverFindsADraft()
    {
        var client = site.CreateClient();

        // Wait until the demo data is indexed (a published example from the same recipe), then look for the draft.
        await SearchSite.PollAsync(client, "/search?q=" + Uri.EscapeDataString("谈心"), p => SearchSite.Titles(p).Contains(HeartToHeartExample));
        var page = await SearchSite.GetAsync(client, "/search?q=" + Uri.EscapeDataString("检修清单"));

        Assert.DoesNotContain(DraftExample, SearchSite.Titles(page));
    }

    [Fact]
    public async Task Search_NeverFindsASecurableTypesItem_ButFindsThePublicOneWrittenAfterIt()
    {
        await SearchSite.DefineTypesAsync(site);
        await SearchSite.CreateAsync(site, SearchSite.PrivateType, "机密谈话 zqxprivate", "<p>内部记录 zqxprivate</p>", publish: true);
        await SearchSite.CreateAsync(site, SearchSite.PublicType, "公开报道 zqxprivate", "<p>公开内容 zqxprivate</p>", publish: true);

        var page = await SearchSite.PollAsync(site.CreateClient(), "/search?q=zqxprivate", p => SearchSite.Titles(p).Count > 0);

        Assert.Equal(["公开报道 zqxprivate"], SearchSite.Titles(page));
    }

    [Fact]
    public async Task Search_TypeMadePrivateAfterIndexing_IsHiddenWithoutReindexing()
    {
        const string type = "SearchLaterSecret";

        // Not left to another test of the class: their order differs from run to run (it depends on the assembly's path).
        await AnonymousGrants.MakeSecurableTypesPrivateAsync(site);
        await SearchSite.DefineTypeAsync(site, type, securable: false);
        await SearchSite.CreateAsync(site, type, "后改私密 zqxlatersecret", "<p>zqxlatersecret</p>", publish: true);
        var client = site.CreateClient();
        var found = await SearchSite.PollAsync(client, "/search?q=zqxlatersecret", p => SearchSite.Titles(p).Count == 1);
        Assert.Single(SearchSite.Titles(found));

        await SearchSite.DefineTypeAsync(site, type, securable: true);
        var page = await SearchSite.PollAsync(client, "/search?q=zqxlatersecret", p => SearchSite.Titles(p).Count == 0);

        Assert.Empty(SearchSite.Titles(page));
    }

    [Fact]
    public async Task Search_FindsAnItemWhoseTaskCommittedAfterAHigherTaskWasApplied()
    {
        // On PostgreSQL a transaction may take task id N and commit after the task N + 1 of another was applied.
        await SearchSite.DefineTypesAsync(site);
        var last = await SearchSite.LastTaskIdAsync(site);
        await SearchSite.CreateAsync(site, SearchSite.PublicType, "先提交 zqxlate", "<p>zqxlate</p>", publish: true, taskId: last + 1000);
        await site.Services.GetRequiredService<SearchIndexer>().UpdateAsync(Cancel);

        await SearchSite.CreateAsync(site, SearchSite.PublicType, "后提交 zqxlate", "<p>zqxlate</p>", publish: true, taskId: last + 500);
        var page = await SearchSite.PollAsync(site.CreateClient(), "/search?q=zqxlate", p => SearchSite.Titles(p).Count == 2);

        Assert.Equal(["先提交 zqxlate", "后提交 zqxlate"], SearchSite.Titles(page).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unpublish_RemovesTheItemFromResults()
    {
        await SearchSite.DefineTypesAsync(site);
        var id = await SearchSite.CreateAsync(site, SearchSite.PublicType, "撤回测试 zqxunpublish", "<p>将被撤回 zqxunpublish</p>", publish: true);
        var client = site.CreateClient();
        var found = await SearchSite.PollAsync(client, "/search?q=zqxunpublish", p => SearchSite.Titles(p).Count == 1);
        Assert.Single(SearchSite.Titles(found));

        await SearchSite.UnpublishAsync(site, id);
        var page = await SearchSite.PollAsync(client, "/search?q=zqxunpublish", p => SearchSite.Titles(p).Count == 0);

        Assert.Empty(SearchSite.Titles(page));
    }

    [Fact]
    public async Task Search_FiltersByType()
    {
        await SearchSite.DefineTypesAsync(site);
        await SearchSite.CreateAsync(site, SearchSite.PublicType, "类型筛选 zqxfilter", "<p>zqxfilter</p>", publish: true);
        var client = site.CreateClient();
        await SearchSite.PollAsync(client, "/search?q=zqxfilter", p => SearchSite.Titles(p).Count == 1);

        var other = await SearchSite.GetAsync(client, "/search?q=zqxfilter&type=BranchNews");
        var same = await SearchSite.GetAsync(client, "/search?q=zqxfilter&type=" + SearchSite.PublicType);
        var lowerCase = await SearchSite.GetAsync(client, "/search?q=zqxfilter&type=" + SearchSite.PublicType.ToLowerInvariant());

        Assert.Empty(SearchSite.Titles(other));
        Assert.Single(SearchSite.Titles(same));
        Assert.Single(SearchSite.Titles(lowerCase));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("AND")]
    [InlineData("*:*")]
    [InlineData("((")]
    [InlineData("title:")]
    [InlineData("[1 TO")]
    [InlineData("owner:admin")]
    [InlineData("谈心 AND (")]
    public async Task Search_MalformedQuery_Answers200WithResultsOrAMessage(string q)
    {
        var response = await site.CreateClient().GetAsync("/search?q=" + Uri.EscapeDataString(q) + "&page=99999", Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("没有可搜索的词语|没有找到|条与", html);
    }
}
