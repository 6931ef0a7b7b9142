using System.Text.Json.Nodes;
using Liaison.Workflows.Data;
using Liaison.Workflows.Engine;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LiaisonSite.Tests.Modules.Workflows.WorkflowTestSupport;

namespace LiaisonSite.Tests.Modules.Workflows;

/// <summary>
/// The setup-recipe site with the Workflows.Timers job moved to a Quartz cron that never comes (1 January 2099), so that
/// only the tests run the timer service, at the times they choose.
/// </summary>
public sealed class TimersByHandSite() : SiteFactory("liaison")
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Jobs:Workflows.Timers:Cron"] = "0 0 0 1 1 ? 2099",
    };
}

/// <summary>TimerEvent with Cronos, run by the timer job's service at chosen times (school time zone Asia/Shanghai).</summary>
public sealed class WorkflowTimerTests(TimersByHandSite site) : IClassFixture<TimersByHandSite>
{
    private const string LeapDayMorning = "0 8 29 2 *";

    // 2028-02-29 08:00 in Asia/Shanghai is 00:00 UTC.
    private static readonly DateTime s_leapDay = new(2028, 2, 29, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStartTimer_StartsOneInstancePerOccurrence_NeverForThePast()
    {
        var id = NewId("timer-start");
        await SaveTypeAsync(site.Services, Type(id,
            [
                Activity("tick", "TimerEvent", new JsonObject { ["CronExpression"] = LeapDayMorning }, start: true),
                Activity("log", "LogTask", new JsonObject { ["Text"] = "tick" }, x: 200),
            ],
            [Transition("tick", "Done", "log")]));

        await RunAsync(s_leapDay.AddDays(-1));              // first seen: scheduled for 2028-02-29, nothing fired
        Assert.Empty(await InstancesAsync(site.Services, id));

        await RunAsync(s_leapDay.AddMinutes(1));             // the occurrence has come
        await RunAsync(s_leapDay.AddMinutes(2));             // the same occurrence does not fire twice

        var instance = Assert.Single(await InstancesAsync(site.Services, id));
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
    }

    [Fact]
    public async Task AWaitingTimer_ResumesItsInstanceOnlyOnceItIsDue()
    {
        var id = NewId("timer-wait");
        var signal = NewId("go");
        await SaveTypeAsync(site.Services, Type(id,
            [
                Activity("start", "SignalEvent", Signal(signal), start: true),
                Activity("wait", "TimerEvent", new JsonObject { ["CronExpression"] = LeapDayMorning }, x: 200),
                Activity("log", "LogTask", new JsonObject { ["Text"] = "due" }, x: 400),
            ],
            [Transition("start", "Done", "wait"), Transition("wait", "Done", "log")]));
        await TriggerAsync(site.Services, SignalEvent(signal, null));
        var waiting = Assert.Single(await InstancesAsync(site.Services, id));
        Assert.Equal(WorkflowStatus.Halted, waiting.Status);
        Assert.Contains("Timer:wait", waiting.State);

        await RunAsync(s_leapDay.AddMinutes(-1));
        Assert.Equal(WorkflowStatus.Halted, Assert.Single(await InstancesAsync(site.Services, id)).Status);

        await RunAsync(s_leapDay.AddMinutes(1));
        var done = Assert.Single(await InstancesAsync(site.Services, id));
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Contains(await JournalAsync(site.Services, done.Id), j => j.ActivityId == "log");
    }

    private async Task RunAsync(DateTime nowUtc)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowTimers>().RunDueAsync(nowUtc, Ct);
    }
}
