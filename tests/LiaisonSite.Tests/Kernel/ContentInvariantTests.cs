using System.Net;
using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Contents;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Kernel;

/// <summary>
/// At most one latest and one published version per item, held by the database: two "save draft" of one published
/// item at the same time leave exactly one latest version, and the loser is told (a concurrency error, not a 500).
/// Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class ContentInvariantTests<TSite>(TSite site) where TSite : WebApplicationFactory<Program>
{
    protected TSite Site { get; } = site;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected virtual void SkipWhenUnavailable()
    {
    }

    [Fact]
    public async Task TwoParallelDrafts_OfOnePublishedItem_LeaveExactlyOneLatestVersion()
    {
        SkipWhenUnavailable();
        var id = await CreatePublishedPageAsync();

        // Both units of work start their draft from the same published version before either saves.
        await using var a = Site.Services.CreateAsyncScope();
        await using var b = Site.Services.CreateAsyncScope();
        await StartDraftAsync(a, id, "甲的草稿");
        await StartDraftAsync(b, id, "乙的草稿");
        var saves = new[] { SaveAsync(a), SaveAsync(b) };
        var outcomes = await Task.WhenAll(saves);

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.IsType<DbUpdateConcurrencyException>(outcomes.Single(o => o is not null));
        await using var check = Site.Services.CreateAsyncScope();
        var versions = await check.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.AsNoTracking()
            .Where(c => c.ContentItemId == id).ToListAsync(Cancel);
        Assert.Single(versions, v => v.Latest);
        Assert.Single(versions, v => v.Published);
    }

    [Fact]
    public async Task TheDatabase_RefusesASecondLatestVersion_EvenPastTheContentManager()
    {
        SkipWhenUnavailable();
        var id = await CreatePublishedPageAsync();
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var latest = await db.ContentItems.AsNoTracking().SingleAsync(c => c.ContentItemId == id && c.Latest, Cancel);

        var copy = latest.CloneAsNewVersion();
        copy.Latest = true;
        db.ContentItems.Add(copy);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Cancel));
    }

    [Fact]
    public async Task NewDraftAndPublish_GiveEveryVersionTheyTouch_ANewStamp()
    {
        SkipWhenUnavailable();
        var id = await CreatePublishedPageAsync();
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var published = await db.ContentItems.SingleAsync(c => c.ContentItemId == id && c.Published, Cancel);
        var stamp = published.ConcurrencyStamp;

        var draft = (await contents.GetAsync(id, VersionOptions.DraftRequired))!;
        Assert.NotEqual(stamp, published.ConcurrencyStamp);
        await contents.UpdateAsync(draft);
        await db.SaveChangesAsync(Cancel);

        stamp = published.ConcurrencyStamp;
        await contents.PublishAsync(draft);
        Assert.NotEqual(stamp, published.ConcurrencyStamp);
        Assert.False(published.Published);
        await db.SaveChangesAsync(Cancel);
    }

    private async Task<string> CreatePublishedPageAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync("Page");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        item.Content["TitlePart"] = new JsonObject { ["Title"] = "并发" + suffix };
        item.Content["AutoroutePart"] = new JsonObject { ["Path"] = "race-" + suffix };
        await contents.CreateAsync(item, VersionOptions.Published);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Cancel);
        return item.ContentItemId;
    }

    private static async Task StartDraftAsync(AsyncServiceScope scope, string id, string title)
    {
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var draft = (await contents.GetAsync(id, VersionOptions.DraftRequired))!;
        draft.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        await contents.UpdateAsync(draft);
    }

    private static async Task<Exception?> SaveAsync(AsyncServiceScope scope)
    {
        try
        {
            await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Cancel);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}

public sealed class SqliteContentInvariantTests(PlainSiteFactory site) : ContentInvariantTests<PlainSiteFactory>(site), IClassFixture<PlainSiteFactory>
{
    /// <summary>Two editors saving the same item at once through the editor: one is saved, the other told, none fails.</summary>
    [Fact]
    public async Task TwoParallelSaves_ThroughTheEditor_OneIsSaved_TheOtherIsToldAndNothingFails()
    {
        var client = await Site.SignInAsync(SiteFactory.AdminUserName);
        var path = "race-http-" + Guid.NewGuid().ToString("N")[..8];
        var id = await ContentsHttp.CreatePageAsync(client, "并发编辑", path, publish: true);
        var (_, stamp) = await ContentsHttp.OpenEditorAsync(client, id);

        var responses = await Task.WhenAll(
            ContentsHttp.SaveAsync(client, id, "甲改的标题", path, stamp),
            ContentsHttp.SaveAsync(client, id, "乙改的标题", path, stamp));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var refused = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("修改未保存", await refused.Content.ReadAsStringAsync(Cancel));
        await using var scope = Site.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems
            .CountAsync(c => c.ContentItemId == id && c.Latest, Cancel));
    }
}

public sealed class PostgresContentInvariantTests(PostgresSiteFactory site) : ContentInvariantTests<PostgresSiteFactory>(site), IClassFixture<PostgresSiteFactory>
{
    protected override void SkipWhenUnavailable() => PostgresSiteFactory.SkipWhenUnavailable();
}
