using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;

namespace LiaisonSite.Core.Jobs.Scheduler;

/// <summary>One-off runs and the jobs page's figures, from Quartz's store and its execution history (shared by the nodes).</summary>
internal sealed class QuartzJobs(
    ISchedulerFactory factory, IServiceScopeFactory scopes, IExecutionHistoryStore history, IConfiguration configuration)
    : IJobScheduler, IJobMonitor
{
    public Task<bool> RunNowAsync(string jobName, CancellationToken cancellationToken = default)
        => RunAtAsync(jobName, DateTimeOffset.MinValue, cancellationToken);

    public async Task<bool> RunAtAsync(string jobName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!IsDeclared(jobName))
        {
            return false;
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .ForJob(jobName, JobRegistrar.Group)
            .StartAt(at <= scheduler.TimeProvider.GetUtcNow() ? scheduler.TimeProvider.GetUtcNow() : at)
            .WithSimpleSchedule(x => x.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var result = new List<JobStatus>();
        foreach (var job in scope.ServiceProvider.GetServices<IBackgroundJob>().OrderBy(j => j.Name, StringComparer.Ordinal))
        {
            var key = new JobKey(job.Name, JobRegistrar.Group);
            var status = await history.GetJobRunStatus(scheduler.SchedulerName, key, cancellationToken);
            var next = (await scheduler.GetTriggersOfJob(key, cancellationToken))
                .Select(t => t.NextFireTimeUtc)
                .Where(t => t is not null)
                .Min();
            result.Add(new JobStatus(
                job.Name,
                job.DisplayName,
                JobRegistrar.ScheduleOf(job, configuration),
                status?.LastFiredAtUtc,
                status?.LastDuration,
                Outcome(status?.LastResult),
                status?.LastResult == JobRunResult.Failed ? status.LastFailureMessage : null,
                status?.LastSchedulerInstanceId,
                next));
        }

        return result;
    }

    private bool IsDeclared(string jobName)
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetServices<IBackgroundJob>().Any(j => j.Name == jobName);
    }

    private static JobRunOutcome Outcome(JobRunResult? result) => result switch
    {
        null => JobRunOutcome.None,
        JobRunResult.Failed => JobRunOutcome.Failed,
        JobRunResult.Cancelled => JobRunOutcome.Cancelled,
        _ => JobRunOutcome.Succeeded,
    };
}
