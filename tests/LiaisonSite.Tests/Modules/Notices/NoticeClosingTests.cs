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

        // The public list, as a visitor without cookies gets it: from the output cache once it has been served (after the
        // demo's own publishing, off the request, has evicted what it will).
        await site.SettleEventsAsync();
        var anonymous = site.CreateClient();
        var listBefore = await anonymous.GetStringAsync("/notices", Cancel);
        var cached = await anonymous.GetAsync("/notices", Cancel);
        Assert.True(cached.Headers.Age.HasValue, "the second anonymous request for /notices is answered from the output cache");
        Assert.Contains("还剩", before);
        Assert.Contains("objection-text", before);

        // A minute before the school notice ends, nothing has ended.
        var early = await CloseAtAsync((await EndOfAsync(DemoNotices.SchoolId)).AddMinutes(-1));
        Assert.Empty(early);
        Assert.Contains("还剩", await client.GetStringAsync(DemoNotices.OpenPath, Cancel));

        var closed = await CloseAtAsync((await EndOfAsync(DemoNotices.OpenId)).AddMinutes(1));

        Assert.Equal([DemoNotices.OpenId, DemoNotices.SchoolId], closed.Order(StringComparer.Ordinal));
        var after = await client.GetStringAsync(DemoNotices.OpenPath, Cancel);
        Assert.Contains("公示期满", after);
        Assert.DoesNotContain("objection-text", after);

        // Closing saves the published versions in place; once it commits the cached list is gone, so the list shows
        // the two notices closed.
        var listAfter = await anonymous.GetAsync("/notices", Cancel);
        Assert.False(listAfter.Headers.Age.HasValue);
        Assert.Equal(Closed(listBefore) + 2, Closed(await listAfter.Content.ReadAsStringAsync(Cancel)));
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

    private static int Closed(string list) => list.Split("notice-state--closed").Length - 1;

    private async Task<DateTime> EndOfAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        return await db.Set<NoticeIndex>().Where(n => n.ContentItemId == id && n.Published).Select(n => n.EndUtc).SingleAsync(Cancel);
    }

    /// <summary>Runs the job's work as if the clock said <paramref name="now"/>.</summary>
    private async Task<IReadOnlyList<string>> CloseAtAsync(DateTime now)
    {
        var clock = new FakeClock(new DateTimeOffset(now, TimeSpan.Zero));
        await using var scope = site.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<NoticeClosingService>(scope.ServiceProvider, (TimeProvider)clock);
        return await service.CloseExpiredAsync(Cancel);
    }
}
