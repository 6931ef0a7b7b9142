using System.Net;
using Liaison.Notices.Closing;
using Liaison.Notices.Data;
using Liaison.Notices.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Notices;

/// <summary>Own site: the test closes the demo's open notice.</summary>
public sealed class NoticeClosingTests(NoticeSiteFactory site) : IClassFixture<NoticeSiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CloseExpired_ClosesOnlyEndedNotices_ThePageShowsItsEnd_AndObjectionsAreRefused()
    {
        var client = site.CreateBrowserClient();
        var before = await client.GetStringAsync(DemoNotices.OpenPath, Cancel);
        Assert.Contains("还剩", before);
        Assert.Contains("objection-text", before);

        // A minute before the school notice ends, nothing has ended.
        var early = await CloseAtAsync((await EndOfAsync(DemoNotices.SchoolId)).AddMinutes(-1));
        Assert.NotNull(early);
        Assert.Empty(early);
        Assert.Contains("还剩", await client.GetStringAsync(DemoNotices.OpenPath, Cancel));

        var closed = await CloseAtAsync((await EndOfAsync(DemoNotices.OpenId)).AddMinutes(1));

        Assert.NotNull(closed);
        Assert.Equal([DemoNotices.OpenId, DemoNotices.SchoolId], closed.Order(StringComparer.Ordinal));
        var after = await client.GetStringAsync(DemoNotices.OpenPath, Cancel);
        Assert.Contains("公示期满", after);
        Assert.DoesNotContain("objection-text", after);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var notice = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(DemoNotices.OpenId);
            Assert.NotNull(notice!.As<PublicNoticePart>().ClosedUtc);
            Assert.Single(await scope.ServiceProvider.GetRequiredService<IContentManager>().GetVersionsAsync(DemoNotices.OpenId));
        }

        // The refusal is checked against the notice, not the form: a post prepared while it was open is refused too.
        var response = await client.PostAsync(DemoNotices.ObjectionAction(DemoNotices.OpenId), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SiteFactory.AntiforgeryToken(before),
            ["Objection.Anonymous"] = "true",
            ["Objection.Text"] = "公示期已经结束了，但我还想提交这条意见。",
        }), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("只在公示期内受理", await response.Content.ReadAsStringAsync(Cancel));
        await using var check = site.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<Objection>().AnyAsync(Cancel));
    }

    [Fact]
    public async Task Lease_HeldByOneNode_IsRefusedToAnother_UntilItExpires()
    {
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var scope1 = site.Services.CreateAsyncScope();
        await using var scope2 = site.Services.CreateAsyncScope();
        var node1 = new JobLeaseStore(scope1.ServiceProvider.GetRequiredService<LiaisonDbContext>(), clock) { Holder = "node-1" };
        var node2 = new JobLeaseStore(scope2.ServiceProvider.GetRequiredService<LiaisonDbContext>(), clock) { Holder = "node-2" };
        var duration = TimeSpan.FromSeconds(50);

        Assert.True(await node1.TryAcquireAsync("test-job", duration, Cancel));
        Assert.False(await node2.TryAcquireAsync("test-job", duration, Cancel));
        Assert.True(await node1.TryAcquireAsync("test-job", duration, Cancel));

        clock.Now += TimeSpan.FromSeconds(51);
        Assert.True(await node2.TryAcquireAsync("test-job", duration, Cancel));
        Assert.False(await node1.TryAcquireAsync("test-job", duration, Cancel));
    }

    private async Task<DateTime> EndOfAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        return await db.Set<NoticeIndex>().Where(n => n.ContentItemId == id && n.Published).Select(n => n.EndUtc).SingleAsync(Cancel);
    }

    /// <summary>Runs the job's core as a node whose clock says <paramref name="now"/> (a holder of its own, so the lease is free).</summary>
    private async Task<IReadOnlyList<string>?> CloseAtAsync(DateTime now)
    {
        var clock = new FakeClock(new DateTimeOffset(now, TimeSpan.Zero));
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        // The site's own job holds the lease by the real clock; a clock days ahead would find it expired anyway,
        // but an earlier call of this test may have left one that lasts into that future.
        await services.GetRequiredService<LiaisonDbContext>().Set<JobLease>()
            .Where(l => l.Name == NoticeClosingService.JobName).ExecuteDeleteAsync(Cancel);
        var leases = new JobLeaseStore(services.GetRequiredService<LiaisonDbContext>(), clock) { Holder = "test-" + Guid.NewGuid().ToString("N") };
        var service = ActivatorUtilities.CreateInstance<NoticeClosingService>(services, leases, (TimeProvider)clock);
        return await service.CloseExpiredAsync(Cancel);
    }
}
