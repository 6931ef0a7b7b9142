using System.Net;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Events;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Contents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Kernel;

/// <summary>
/// Domain events: written to the outbox with the save that raised them, delivered after commit to every handler,
/// retried by the sweeper when a handler fails, never twice to a handler that already handled them; and work after
/// commit that fails never turns the committed save into an error.
/// </summary>
public sealed class DomainEventTests(EventsSite site) : IClassFixture<EventsSite>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RaisedEvent_IsStoredWithTheSave_AndDeliveredOnceAfterCommit()
    {
        var marker = Guid.NewGuid().ToString("N");
        await site.InScopeAsync(async (db, _) =>
        {
            db.Raise(new SomethingHappened(marker));
            return await db.SaveChangesAsync(Cancel);
        });

        var row = await site.InScopeAsync((db, _) => db.OutboxEvents.AsNoTracking().SingleAsync(e => e.Payload.Contains(marker), Cancel));
        Assert.Equal("Tests.SomethingHappened", row.Type);
        await EventsSite.WaitUntilAsync(() => site.InScopeAsync((db, _) => db.OutboxEvents.AnyAsync(e => e.Id == row.Id && e.DispatchedUtc != null, Cancel)), "the event is dispatched");
        Assert.Equal(1, site.DeliveriesOf(row.Id, typeof(SomethingHandler)));
        Assert.True(await site.InScopeAsync((db, _) => db.HandledEvents.AnyAsync(h => h.EventId == row.Id && h.Handler == typeof(SomethingHandler).FullName, Cancel)));
    }

    [Fact]
    public async Task RaisedEvent_InATransactionThatRollsBack_IsNeitherStoredNorDelivered_AndItsAfterCommitWorkIsDropped()
    {
        var marker = Guid.NewGuid().ToString("N");
        var ran = 0;
        await site.InScopeAsync(async (db, _) =>
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
            {
                db.Raise(new SomethingHappened(marker));
                db.AfterCommit(() => Task.FromResult(Interlocked.Increment(ref ran)));
                await db.SaveChangesAsync(Cancel);
                await transaction.RollbackAsync(Cancel);
            }

            // The next unit of work in the same scope commits: nothing of the rolled-back one may run with it.
            db.ChangeTracker.Clear();
            db.Raise(new SomethingHappened(marker + "-next"));
            return await db.SaveChangesAsync(Cancel);
        });

        Assert.Equal(0, ran);
        Assert.False(await site.InScopeAsync((db, _) => db.OutboxEvents.AnyAsync(e => e.Payload.Contains(marker + "\""), Cancel)));
    }

    [Fact]
    public async Task CommittingAnExplicitTransaction_RunsItsAfterCommitWork_AndDeliversItsEvents()
    {
        var marker = Guid.NewGuid().ToString("N");
        var ran = 0;
        await site.InScopeAsync(async (db, _) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            db.Raise(new SomethingHappened(marker));
            db.AfterCommit(() => Task.FromResult(Interlocked.Increment(ref ran)));
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(0, ran);
            await transaction.CommitAsync(Cancel);
            return true;
        });

        Assert.Equal(1, ran);
        var id = await site.InScopeAsync((db, _) => db.OutboxEvents.Where(e => e.Payload.Contains(marker)).Select(e => e.Id).SingleAsync(Cancel));
        await EventsSite.WaitUntilAsync(() => Task.FromResult(site.DeliveriesOf(id, typeof(SomethingHandler)) == 1), "the event is delivered");
    }

    [Fact]
    public async Task AfterCommitWork_OfAFailedSave_IsDropped()
    {
        var key = "tests:taken:" + Guid.NewGuid().ToString("N");
        await site.InScopeAsync((db, _) =>
        {
            db.Documents.Add(new DocumentRecord { Key = key, Json = "{}" });
            return db.SaveChangesAsync(Cancel);
        });
        var ran = 0;

        await site.InScopeAsync(async (db, _) =>
        {
            db.AfterCommit(() => Task.FromResult(Interlocked.Increment(ref ran)));
            db.Documents.Add(new DocumentRecord { Key = key, Json = "{}" });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
            db.ChangeTracker.Clear();
            db.Documents.Add(new DocumentRecord { Key = key + ":next", Json = "{}" });
            return await db.SaveChangesAsync(Cancel);
        });

        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task AfterAFailedSave_TheNextPublishInTheSameScope_StillEvictsTheCache()
    {
        var key = "tests:taken:" + Guid.NewGuid().ToString("N");
        await site.InScopeAsync((db, _) =>
        {
            db.Documents.Add(new DocumentRecord { Key = key, Json = "{}" });
            return db.SaveChangesAsync(Cancel);
        });
        var evictions = FlakyOutputCacheStore.CountThisFlow();

        await site.InScopeAsync(async (db, services) =>
        {
            var contents = services.GetRequiredService<IContentManager>();

            // The first publish stages the eviction, and its save fails (with a duplicate document).
            await contents.CreateAsync(await NewPageAsync(contents), VersionOptions.Published);
            db.Documents.Add(new DocumentRecord { Key = key, Json = "{}" });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
            db.ChangeTracker.Clear();

            await contents.CreateAsync(await NewPageAsync(contents), VersionOptions.Published);
            return await db.SaveChangesAsync(Cancel);
        });

        Assert.Equal(1, evictions.Value);
    }

    [Fact]
    public async Task Publish_WhenAHandlerFails_IsSaved_AndTheSweeperRetriesOnlyThatHandler()
    {
        var client = await site.SignInAsync(SiteFactory.AdminUserName);
        var id = await ContentsHttp.CreatePageAsync(client, FailsOnFirstTryHandler.Marker + Guid.NewGuid().ToString("N")[..6], "events-" + Guid.NewGuid().ToString("N")[..8], publish: true);

        OutboxEvent? published = null;
        await EventsSite.WaitUntilAsync(async () => (published = await site.EventAsync("Content.Published", id)) is { Attempts: 1 }, "the first delivery failed");
        Assert.Null(published!.DispatchedUtc);
        Assert.Contains(nameof(FailsOnFirstTryHandler), published.LastError);
        Assert.Equal(1, site.DeliveriesOf(published.Id, typeof(RecordingHandler)));
        Assert.True(await site.InScopeAsync((db, _) => db.ContentItems.AnyAsync(c => c.ContentItemId == id && c.Published, Cancel)));

        var delivered = await SweepAsync(DateTime.UtcNow.AddHours(1));
        var again = await SweepAsync(DateTime.UtcNow.AddHours(2));

        Assert.True(delivered >= 1);
        Assert.NotNull((await site.EventAsync("Content.Published", id))!.DispatchedUtc);
        Assert.Equal(1, site.DeliveriesOf(published.Id, typeof(FailsOnFirstTryHandler)));
        Assert.Equal(1, site.DeliveriesOf(published.Id, typeof(RecordingHandler)));
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task Publish_WhenTheCacheEvictionFails_IsSaved_AndTheEvictionIsRetried()
    {
        var client = await site.SignInAsync(SiteFactory.AdminUserName);
        var evictions = site.CacheStore.Evictions;
        site.CacheStore.FailNext(1);

        var id = await ContentsHttp.CreatePageAsync(client, "缓存失败" + Guid.NewGuid().ToString("N")[..6], "evict-" + Guid.NewGuid().ToString("N")[..8], publish: true);

        Assert.True(await site.InScopeAsync((db, _) => db.ContentItems.AnyAsync(c => c.ContentItemId == id && c.Published, Cancel)));
        Assert.Equal(1, site.CacheStore.Failures);
        await EventsSite.WaitUntilAsync(() => Task.FromResult(site.CacheStore.Evictions > evictions), "the eviction is retried");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/admin/contents/{id}/edit", Cancel)).StatusCode);
    }

    /// <summary>
    /// A public page rendered before a publish and stored after the publish's eviction is never served: pages vary by
    /// how often the node has evicted them (the race the public search page showed in CI).
    /// </summary>
    [Fact]
    public async Task PublicPage_RenderedBeforeAPublish_AndStoredAfterItsEviction_IsNotServed()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var path = "race-" + Guid.NewGuid().ToString("N")[..8];
        var id = await ContentsHttp.CreatePageAsync(admin, "渲染前的标题", path, publish: true);
        var anonymous = site.CreateClient();
        var (entered, release) = site.CacheStore.HoldNextStoreOf(path);

        var stale = anonymous.GetStringAsync("/" + path, Cancel);
        await entered.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        var evictions = site.CacheStore.Evictions;
        var (_, stamp) = await ContentsHttp.OpenEditorAsync(admin, id);
        var edit = await SiteFactory.PostFormAsync(admin, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/edit/publish",
            ContentsHttp.PageFields("发布后的标题", path, stamp));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        await EventsSite.WaitUntilAsync(() => Task.FromResult(site.CacheStore.Evictions > evictions), "the publish evicts the public pages");
        release.SetResult();
        Assert.Contains("渲染前的标题", await stale);

        var page = await anonymous.GetStringAsync("/" + path, Cancel);

        Assert.Contains("发布后的标题", page);
        Assert.DoesNotContain("渲染前的标题", page);
    }

    [Fact]
    public async Task ContentLifecycle_RaisesItsEvents_InTheOutbox()
    {
        var client = await site.SignInAsync(SiteFactory.AdminUserName);
        var title = "生命周期" + Guid.NewGuid().ToString("N")[..6];
        var path = "life-" + Guid.NewGuid().ToString("N")[..8];

        var id = await ContentsHttp.CreatePageAsync(client, title, path, publish: false);
        Assert.NotNull(await site.EventAsync("Content.Created", id));
        Assert.Null(await site.EventAsync("Content.Published", id));

        var (_, stamp) = await ContentsHttp.OpenEditorAsync(client, id);
        Assert.Equal(HttpStatusCode.Redirect, (await ContentsHttp.SaveAsync(client, id, title, path, stamp, publish: true)).StatusCode);
        Assert.NotNull(await site.EventAsync("Content.Updated", id));
        Assert.NotNull(await site.EventAsync("Content.Published", id));
    }

    [Fact]
    public async Task DispatchBatch_DeliversEachEventOnceInOrder_AndAFailingHandlerHoldsBackOnlyItsOwnEvent()
    {
        // Rows as a bulk import or another node leaves them: in the outbox, unknown to this node's dispatcher, and not
        // due for a year, so the sweeper leaves them to this test.
        var batch = Guid.NewGuid().ToString("N")[..8];
        var markers = Enumerable.Range(0, 6).Select(i => (i == 3 ? FailsOnFirstTryHandler.Marker : "批量") + batch + "-" + i).ToList();
        var start = DateTime.UtcNow;
        var ids = await site.InScopeAsync(async (db, _) =>
        {
            var rows = markers.Select((marker, i) => new OutboxEvent
            {
                Id = Guid.NewGuid(),
                Type = "Tests.SomethingHappened",
                Payload = System.Text.Json.JsonSerializer.Serialize(new SomethingHappened(marker), ContentItemExtensions.SerializerOptions),
                CreatedUtc = start.AddMilliseconds(i),
                NextAttemptUtc = start.AddYears(1),
                DispatchedUtc = start, // a save hands the undispatched rows it adds to this node's dispatcher at once
            }).ToList();
            db.OutboxEvents.AddRange(rows);
            await db.SaveChangesAsync(Cancel);
            var added = rows.Select(r => r.Id).ToList();
            await db.OutboxEvents.Where(e => added.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.DispatchedUtc, (DateTime?)null), Cancel);
            return rows.Select(r => r.Id).Reverse().ToList();
        });
        var failing = ids[2]; // listed in reverse: marker 3
        var dispatcher = site.Services.GetRequiredService<OutboxDispatcher>();

        var delivered = await dispatcher.DispatchBatchAsync(ids, Cancel);

        Assert.Equal(5, delivered);
        Assert.Equal(markers, site.Received.Where(m => m.Contains(batch, StringComparison.Ordinal)).ToList());
        Assert.All(ids, id => Assert.Equal(1, site.DeliveriesOf(id, typeof(SomethingHandler))));
        Assert.All(ids.Where(id => id != failing), id => Assert.Equal(1, site.DeliveriesOf(id, typeof(FailsOnceOnMarkedHandler))));
        Assert.Equal(0, site.DeliveriesOf(failing, typeof(FailsOnceOnMarkedHandler)));
        var rows = await site.InScopeAsync((db, _) => db.OutboxEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(Cancel));
        Assert.All(rows.Where(r => r.Id != failing), r => Assert.NotNull(r.DispatchedUtc));
        var held = rows.Single(r => r.Id == failing);
        Assert.Null(held.DispatchedUtc);
        Assert.Equal(1, held.Attempts);
        Assert.Contains(typeof(FailsOnceOnMarkedHandler).FullName!, held.LastError, StringComparison.Ordinal);

        // The next delivery of the same ids takes only the held event, and only to the handler that failed.
        var again = await dispatcher.DispatchBatchAsync(ids, Cancel);

        Assert.Equal(1, again);
        Assert.Equal(1, site.DeliveriesOf(failing, typeof(FailsOnceOnMarkedHandler)));
        Assert.All(ids, id => Assert.Equal(1, site.DeliveriesOf(id, typeof(SomethingHandler))));
        Assert.NotNull((await site.InScopeAsync((db, _) => db.OutboxEvents.AsNoTracking().SingleAsync(e => e.Id == failing, Cancel))).DispatchedUtc);
    }

    private static async Task<ContentItem> NewPageAsync(IContentManager contents)
    {
        var item = await contents.NewAsync("Page");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        item.Content["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = "暂存" + suffix };
        item.Content["AutoroutePart"] = new System.Text.Json.Nodes.JsonObject { ["Path"] = "staged-" + suffix };
        return item;
    }

    private Task<int> SweepAsync(DateTime now) => site.InScopeAsync((_, services)
        => services.GetServices<IBackgroundJob>().OfType<OutboxSweepJob>().Single().SweepAsync(now, Cancel));
}
