using System.Security.Claims;
using Liaison.Contents.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>
/// The content lists page along an index, newest first, without sorting the type or scanning the items (issue 14:
/// with 50,000 news items page 500 of the admin list took 0.9 s, /api/content 0.7 s, /news 0.6 s by OFFSET over a
/// sort). The queries are the ones the product builds (ContentQueries for the admin list and the API); the plan is
/// SQLite's EXPLAIN QUERY PLAN of the SQL EF writes for them.
/// </summary>
public sealed class ContentListPlanTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, SiteFactory.AdminUserName), new Claim(ClaimTypes.Role, RoleNames.Administrator)], "test"));

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    [Fact]
    public async Task AdminList_OfAType_PagesAlongTheLatestByTypeIndex()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ContentQueries>();

        var query = (await queries.AdminListAsync(Admin, "Page"))
            .OrderByDescending(c => c.ModifiedUtc).ThenByDescending(c => c.Id).Skip(9980).Take(20);

        await AssertIndexedAsync(scope, query.ToQueryString(), "IX_ContentItems_LatestByType");
    }

    [Fact]
    public async Task AdminList_OfAScopedType_ForWhoSeesAll_SkipsTheScopeSubquery_AndForOthersKeepsIt()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ContentQueries>();
        var someone = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "no-such-member")], "test"));

        var all = (await queries.AdminListAsync(Admin, "Talk")).OrderByDescending(c => c.ModifiedUtc).ThenByDescending(c => c.Id).Skip(9980).Take(20).ToQueryString();
        var scoped = (await queries.AdminListAsync(someone, "Talk")).OrderByDescending(c => c.ModifiedUtc).ThenByDescending(c => c.Id).Take(20).ToQueryString();

        Assert.DoesNotContain("TalkIndex", all, StringComparison.Ordinal);
        await AssertIndexedAsync(scope, all, "IX_ContentItems_LatestByType");
        Assert.Contains("TalkIndex", scoped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_OfAType_PagesAlongTheExpressionIndex_ForSignedInAndAnonymousCallers()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ContentQueries>();

        foreach (var user in new[] { Admin, Anonymous })
        {
            var query = (await queries.VisibleAsync(user, latest: false, "Page"))
                .OrderByDescending(c => c.PublishedUtc ?? c.ModifiedUtc).ThenByDescending(c => c.Id).Skip(9980).Take(20);

            await AssertIndexedAsync(scope, query.ToQueryString(), "IX_ContentItems_PublishedByType_ApiOrder");
        }
    }

    [Fact]
    public async Task PublicList_OfAType_PagesAlongThePublishedByTypeIndex()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();

        // The shape of PublicContentQuery's list (/news, /examples …).
        var query = db.ContentItems.Where(c => c.ContentType == "BranchNews" && c.Published)
            .OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id).Skip(3980).Take(20);

        await AssertIndexedAsync(scope, query.ToQueryString(), "IX_ContentItems_PublishedByType");
    }

    private static async Task AssertIndexedAsync(AsyncServiceScope scope, string sql, string index)
    {
        var plan = await SqlitePlans.ExplainAsync(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>(), sql, Ct);

        Assert.Contains("USING INDEX " + index + " ", plan + " ");
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }
}
