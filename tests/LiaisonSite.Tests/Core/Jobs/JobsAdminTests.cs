using System.Net;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Core.Jobs;

/// <summary>A site with one more job, which always fails, beside the modules' own.</summary>
public sealed class JobsSiteFactory() : SiteFactory("liaison")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddBackgroundJob<FailingJob>());
    }
}

internal sealed class FailingJob : IBackgroundJob
{
    public const string JobName = "Test.AlwaysFails";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromSeconds(1));

    public Task RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("The test job fails on purpose.");
}

/// <summary>/admin/jobs and the kernel's job runner on SQLite (one node). Tests read only their own job's figures.</summary>
public sealed class JobsAdminTests(JobsSiteFactory site) : IClassFixture<JobsSiteFactory>
{
    private const string NoticeJob = "Notices.Close";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoticeClosing_IsAKernelJob_ListedWithItsLastAndNextRun()
    {
        // Interval jobs run once at start, then every interval.
        var status = await WaitForAsync(NoticeJob, s => s.LastOutcome == JobRunOutcome.Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(1), status.Schedule.Interval);
        Assert.NotNull(status.NextRunUtc);
        Assert.True(status.NextRunUtc > status.LastRunUtc);

        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var page = await admin.GetStringAsync("/admin/jobs", Ct);
        Assert.Contains("结束公示期已满的公示", page);
        Assert.Contains($"<code>{NoticeJob}</code>", page);
        Assert.Contains("成功", page);
    }

    [Fact]
    public async Task RunNow_RunsTheJobAgain()
    {
        var before = await WaitForAsync(NoticeJob, s => s.LastRunUtc is not null);
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var response = await SiteFactory.PostFormAsync(admin, "/admin/jobs", "/admin/jobs/run", new() { ["name"] = NoticeJob });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await WaitForAsync(NoticeJob, s => s.LastRunUtc > before.LastRunUtc);
        Assert.Equal(JobRunOutcome.Succeeded, after.LastOutcome);
        Assert.True(after.LastRunUtc < before.NextRunUtc, "the run came from the button, not from the schedule");
    }

    [Fact]
    public async Task RunNow_OfAnUnknownJob_SaysSo_AndSchedulesNothing()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var response = await SiteFactory.PostFormAsync(admin, "/admin/jobs", "/admin/jobs/run", new() { ["name"] = "No.Such.Job" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("没有这个后台任务", await admin.GetStringAsync("/admin/jobs", Ct));
    }

    [Fact]
    public async Task AFailingRun_IsRecordedAsFailed_TriedAgainAtTheNextTick_AndStopsNoOtherJob()
    {
        var first = await WaitForAsync(FailingJob.JobName, s => s.LastOutcome == JobRunOutcome.Failed);
        Assert.Equal("The test job fails on purpose.", first.LastError);

        var again = await WaitForAsync(FailingJob.JobName, s => s.LastRunUtc > first.LastRunUtc);
        Assert.Equal(JobRunOutcome.Failed, again.LastOutcome);
        Assert.NotNull(again.NextRunUtc);
        Assert.Equal(JobRunOutcome.Succeeded, (await WaitForAsync(NoticeJob, s => s.LastRunUtc is not null)).LastOutcome);

        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        Assert.Contains("失败", await admin.GetStringAsync("/admin/jobs", Ct));
    }

    private async Task<JobStatus> WaitForAsync(string job, Func<JobStatus, bool> condition)
    {
        var monitor = site.Services.GetRequiredService<IJobMonitor>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await monitor.ListAsync(Ct)).Single(s => s.Name == job);
            if (condition(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {job} never got there: last run {status.LastRunUtc}, {status.LastOutcome}.");
            await Task.Delay(200, Ct);
        }
    }
}
