using Liaison.Notices.Data;
using Liaison.Notices.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using Quartz.Extensibility;

namespace LiaisonSite.Tests.Data;

/// <summary>
/// Two web nodes on one PostgreSQL database, both running the clustered scheduler: notice closing, here every
/// 2 seconds, fires once per tick across the two, and closes an ended notice.
/// </summary>
public sealed class MultiNodeJobsTests
{
    private const string Job = "Notices.Close";

    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoticeClosing_RunsOncePerTick_AcrossTwoNodes()
    {
        PostgresSiteFactory.SkipWhenUnavailable();
        var database = PostgresNodeFactory.DatabaseName();
        var fast = new Dictionary<string, string?> { [$"Liaison:Jobs:{Job}:Every"] = s_interval.ToString("c") };
        try
        {
            await using var nodeA = new PostgresNodeFactory("node-a", database, fast);
            await using var nodeB = new PostgresNodeFactory("node-b", database, fast);
            _ = nodeA.Services; // node A migrates and sets the site up; node B finds it set up
            _ = nodeB.Services;

            // Both schedulers have checked in to the cluster: "once" below is not one node running alone.
            await WaitAsync(async () => await ScalarAsync(nodeA, "SELECT count(*) FROM qrtz_scheduler_state") == 2, "both nodes in the cluster");

            // A published notice whose period ended a minute ago is closed by the job, on whichever node.
            await EndNoticeAsync(nodeA, DemoNotice);
            var from = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(12), Ct);
            var to = DateTimeOffset.UtcNow;

            var runs = await RunsAsync(nodeB, from, to);
            // 12 s at one run every 2 s; both nodes firing each tick would make ~12. (No assertion on the gaps between
            // runs: a loaded machine fires one tick late and the next on time, 919 ms apart in a CI run — wall-clock
            // spacing says nothing about how many nodes ran a tick.)
            Assert.InRange(runs.Count, 4, 7);
            Assert.All(runs, r => Assert.True(r.Succeeded, r.ExceptionMessage));
            Assert.True(await IsClosedAsync(nodeB, DemoNotice), "the ended notice was closed");
            Assert.Contains(Job, await (await nodeA.SignInAsync(SiteFactory.AdminUserName)).GetStringAsync("/admin/jobs", Ct));
        }
        finally
        {
            await PostgresNodeFactory.DropAsync(database);
        }
    }

    private const string DemoNotice = "notice-01";

    private static async Task<IReadOnlyList<ExecutionHistoryEntry>> RunsAsync(SiteFactory node, DateTimeOffset from, DateTimeOffset to)
    {
        var history = node.Services.GetRequiredService<IExecutionHistoryStore>();
        var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var page = await history.QueryExecutions(new ExecutionHistoryQuery
        {
            SchedulerName = scheduler.SchedulerName,
            Job = new JobKey(Job, "liaison"),
            FiredFrom = from,
            FiredBefore = to,
        }, Ct);
        return [.. page.Items];
    }

    private static async Task EndNoticeAsync(SiteFactory node, string id)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.Data.LiaisonDbContext>();
        var notice = (await contents.GetAsync(id))!;
        var part = notice.As<PublicNoticePart>();
        part.StartUtc = DateTime.UtcNow.AddDays(-8);
        part.EndUtc = DateTime.UtcNow.AddMinutes(-1);
        notice.Apply(part);
        await contents.UpdateAsync(notice);
        await db.SaveChangesAsync(Ct);
        Assert.False(await db.Set<NoticeIndex>().AnyAsync(n => n.ContentItemId == id && n.Closed, Ct));
    }

    private static async Task<bool> IsClosedAsync(SiteFactory node, string id)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var notice = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id);
        return notice!.As<PublicNoticePart>().ClosedUtc is not null;
    }

    private static async Task<long> ScalarAsync(PostgresNodeFactory node, string sql)
    {
        await using var connection = new NpgsqlConnection(node.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(250, Ct);
        }
    }
}
