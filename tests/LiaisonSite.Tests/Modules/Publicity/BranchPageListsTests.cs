using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Upgrades;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Publicity;

/// <summary>
/// Issue 15, item 6: a party branch's public page lists the branch's newest news, typical examples and notices, each
/// with a link to all of them, behind the output cache, which a publish evicts; and Publicity's upgrade step marks an
/// older site's 推荐 flags Editorial. Own site: it publishes news and changes a field's settings.
/// </summary>
public sealed class BranchPageListsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task BranchPage_ListsItsNews_ExamplesAndNotices_AndANewlyPublishedItemShowsAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await site.SettleEventsAsync();
        var client = site.CreateClient();

        var first = await client.GetStringAsync("/branches/branch-1", ct);
        var cached = await client.GetAsync("/branches/branch-1", ct);

        Assert.Contains("href=\"/news?branch=branch-1\"", first);
        Assert.Contains("本支部全部动态", first);
        Assert.Contains("href=\"/examples\"", first);
        Assert.Contains("id=\"branch-list-3\"", first);
        Assert.Contains("全部公示公告", first);
        Assert.True(cached.Headers.Age.HasValue, "The branch page should come from the output cache.");

        var title = "支部页列表测试" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var item = await contents.NewAsync("BranchNews");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
            item.Content["AutoroutePart"] = new JsonObject { ["Path"] = "branch-news/list-test-" + Guid.NewGuid().ToString("N")[..8] };
            item.Content["BranchNews"] = new JsonObject
            {
                ["Summary"] = new JsonObject { ["Text"] = "列表测试的摘要。" },
                ["Branch"] = new JsonObject { ["ContentItemIds"] = new JsonArray("branch-1") },
            };
            await contents.CreateAsync(item, VersionOptions.Published);
            await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(ct);
        }

        var fresh = await client.GetAsync("/branches/branch-1", ct);
        var freshHtml = await fresh.Content.ReadAsStringAsync(ct);
        var other = await client.GetStringAsync("/branches/branch-2", ct);

        Assert.False(fresh.Headers.Age.HasValue);
        Assert.Contains(title, freshHtml);
        Assert.DoesNotContain(title, other);
    }

    [Fact]
    public async Task UpgradeStep_MarksAnOlderSitesRecommendedFlagsEditorial_AndThePublicPageStopsShowingThem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // An older site: the flag without Editorial (as the recipes had it before part B).
            var definitions = scope.ServiceProvider.GetRequiredService<IContentDefinitionManager>();
            var part = (await definitions.GetPartAsync("TypicalExample"))!;
            part.Fields.Single(f => f.Name == "Featured").Settings["BooleanFieldSettings"]!.AsObject().Remove("Editorial");
            await definitions.StorePartAsync(part);
            await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(ct);
        }

        // Signed in: the page is not served from the output cache, so it shows the definition as it is now.
        var editor = await site.SignInAsync("editor1");
        var before = await editor.GetStringAsync("/typical-examples/a-heart-to-heart-talk", ct);
        Assert.Contains("在首页推荐", before);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var step = scope.ServiceProvider.GetServices<IUpgradeStep>().Single(s => s.GetType().Name == "MarkEditorialFlags");
            await step.RunAsync(new UpgradeContext(scope.ServiceProvider), ct);
            await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(ct);
        }

        var after = await editor.GetStringAsync("/typical-examples/a-heart-to-heart-talk", ct);
        Assert.Contains("一次谈心，解开青年教师的心结", after);
        Assert.DoesNotContain("在首页推荐", after);
    }
}
