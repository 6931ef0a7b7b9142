using System.Net;
using Liaison.Contents.Data;
using Liaison.Contents.Scheduling;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using static LiaisonSite.Tests.Modules.Contents.ContentsHttp;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>
/// Scheduled publishing (issue 15 item 7, SPEC R14) over the real pipeline: the editor's form, the list, the kernel job
/// run with a school clock the test moves, the public page (output cache) and the search index. Every test makes its
/// own items, so the shared demo site's other items do not matter.
/// </summary>
public sealed class ScheduledPublishingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScheduledDraft_IsListedAsScheduled_ThenTheJobPublishesItOnTime_OnItsPublicPageAndInSearch()
    {
        var editor = await site.SignInAsync("editor1");
        var anonymous = site.CreateBrowserClient();
        var title = Unique("定时发布测试");
        var path = Unique("scheduled-");
        var id = await CreatePageAsync(editor, title, path, publish: false);
        var now = await SchoolNowAsync();
        var publishAt = Minute(now.AddHours(2));

        var response = await ScheduleAsync(editor, id, Input(publishAt), "");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await GetTextAsync(editor, $"/admin/contents?q={Uri.EscapeDataString(title)}");
        Assert.Contains("定时发布", list, StringComparison.Ordinal);
        Assert.Contains(publishAt.ToString("yyyy-MM-dd HH:mm"), list, StringComparison.Ordinal);
        var editorPage = await GetTextAsync(editor, $"/admin/contents/{id}/edit");
        Assert.Contains("将于 " + publishAt.ToString("yyyy-MM-dd HH:mm") + " 发布", editorPage, StringComparison.Ordinal);

        // A minute before, the job publishes nothing.
        await RunJobAtAsync(publishAt.AddMinutes(-1));
        Assert.NotNull(await ScheduleOfAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, "/" + path)).StatusCode);

        await RunJobAtAsync(publishAt);

        var page = await GetAsync(anonymous, "/" + path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(title, await TextAsync(page), StringComparison.Ordinal);
        var after = await GetTextAsync(editor, $"/admin/contents?q={Uri.EscapeDataString(title)}");
        Assert.DoesNotContain("data-scheduled-publish", after, StringComparison.Ordinal);
        Assert.Contains("已发布", after, StringComparison.Ordinal);
        Assert.Null(await ScheduleOfAsync(id));

        // Indexed like any publication: the background indexer finds it within the poll's bound.
        var found = false;
        for (var attempt = 0; attempt < 150 && !found; attempt++)
        {
            found = (await GetTextAsync(anonymous, "/search?q=" + Uri.EscapeDataString(title))).Contains(title, StringComparison.Ordinal);
            if (!found)
            {
                await Task.Delay(200, Cancel);
            }
        }

        Assert.True(found, "The scheduled item was not found by the public search.");
    }

    [Fact]
    public async Task ScheduledWithdrawal_UnpublishesOnTime_AndTheCachedPublicPageIsEvicted()
    {
        var editor = await site.SignInAsync("editor1");
        var anonymous = site.CreateBrowserClient();
        var title = Unique("定时撤回测试");
        var path = Unique("withdrawn-");
        var id = await CreatePageAsync(editor, title, path, publish: true);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(anonymous, "/" + path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(anonymous, "/" + path)).StatusCode); // now from the output cache
        var unpublishAt = Minute((await SchoolNowAsync()).AddDays(1));

        Assert.Equal(HttpStatusCode.Redirect, (await ScheduleAsync(editor, id, "", Input(unpublishAt))).StatusCode);
        var list = await GetTextAsync(editor, $"/admin/contents?q={Uri.EscapeDataString(title)}");
        Assert.Contains("定时撤回", list, StringComparison.Ordinal);

        await RunJobAtAsync(unpublishAt.AddMinutes(1));

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, "/" + path)).StatusCode);
        Assert.Null(await ScheduleOfAsync(id));
    }

    [Fact]
    public async Task PastTimes_AndAWithdrawalBeforeThePublication_AreLocalizedErrorsAtTheField_AndNothingIsStored()
    {
        var editor = await site.SignInAsync("editor1");
        var id = await CreatePageAsync(editor, Unique("定时校验"), Unique("sched-invalid-"), publish: false);
        var now = await SchoolNowAsync();

        var past = await ScheduleAsync(editor, id, Input(now.AddHours(-1)), "");
        Assert.Equal(HttpStatusCode.Redirect, past.StatusCode);
        var editorPage = await GetTextAsync(editor, past.Headers.Location!.OriginalString);
        Assert.Contains("发布时间必须晚于现在。", editorPage, StringComparison.Ordinal);
        Assert.Contains("id=\"schedule-publish-error\"", editorPage, StringComparison.Ordinal);
        Assert.Contains(Input(now.AddHours(-1)), editorPage, StringComparison.Ordinal); // what was typed is kept
        Assert.Null(await ScheduleOfAsync(id));

        var reversed = await ScheduleAsync(editor, id, Input(now.AddDays(2)), Input(now.AddDays(1)));
        Assert.Contains("撤回时间必须晚于发布时间。", await GetTextAsync(editor, reversed.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Null(await ScheduleOfAsync(id));

        var garbage = await ScheduleAsync(editor, id, "next tuesday", "");
        Assert.Equal(HttpStatusCode.Redirect, garbage.StatusCode);
        Assert.Contains("请输入日期和时间", await GetTextAsync(editor, garbage.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Null(await ScheduleOfAsync(id));
    }

    [Fact]
    public async Task OnlyWhoMayPublishTheItem_MaySchedule_OrSeeTheForm()
    {
        var editor = await site.SignInAsync("editor1");
        var id = await CreatePageAsync(editor, Unique("定时权限"), Unique("sched-auth-"), publish: false);
        var publishAt = Input((await SchoolNowAsync()).AddHours(3));

        // secretary1 publishes only her own items; this one is editor1's.
        var secretary = await site.SignInAsync("secretary1");
        var token = SiteFactory.AntiforgeryToken(await GetTextAsync(secretary, "/admin/contents"));
        var refused = await secretary.PostAsync($"/admin/contents/{id}/schedule", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["publishAt"] = publishAt,
        }), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await ScheduleOfAsync(id));

        // The editor may: the form is on her editor, and cancelling takes the schedule away.
        Assert.Contains("data-content-schedule", await GetTextAsync(editor, $"/admin/contents/{id}/edit"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ScheduleAsync(editor, id, publishAt, "")).StatusCode);
        Assert.NotNull(await ScheduleOfAsync(id));
        var cancel = await SiteFactory.PostFormAsync(editor, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/schedule/cancel", []);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Null(await ScheduleOfAsync(id));
    }

    private static Task<HttpResponseMessage> ScheduleAsync(HttpClient client, string id, string publishAt, string unpublishAt)
        => SiteFactory.PostFormAsync(client, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/schedule", new()
        {
            ["publishAt"] = publishAt,
            ["unpublishAt"] = unpublishAt,
        });

    private static string Input(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm");

    private static DateTime Minute(DateTime local) => new(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0);

    private async Task<DateTime> SchoolNowAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ISchoolClock>().Now.DateTime;
    }

    private async Task<ContentSchedule?> ScheduleOfAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<ContentSchedule>()
            .AsNoTracking().FirstOrDefaultAsync(s => s.ContentItemId == id, Cancel);
    }

    /// <summary>Runs the kernel job as the scheduler does (a fresh scope), with the school clock at <paramref name="schoolTime"/>.</summary>
    private async Task RunJobAtAsync(DateTime schoolTime)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var realClock = services.GetRequiredService<ISchoolClock>();
        var fake = new Notices.FakeClock(new DateTimeOffset(realClock.ToUtc(schoolTime), TimeSpan.Zero));
        var clock = ActivatorUtilities.CreateInstance<SchoolClock>(services, (TimeProvider)fake);
        var scheduling = ActivatorUtilities.CreateInstance<ScheduledPublishing>(services, (ISchoolClock)clock);
        var job = new ScheduledPublishingJob(scheduling, services.GetRequiredService<IStringLocalizer<ScheduledPublishingJob>>());
        await job.RunAsync(Cancel);
    }
}
