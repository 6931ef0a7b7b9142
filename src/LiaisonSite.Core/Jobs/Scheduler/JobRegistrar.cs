using System.Globalization;
using LiaisonSite.Core.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace LiaisonSite.Core.Jobs.Scheduler;

/// <summary>
/// Runs the node's scheduler: puts every declared job and its trigger in the scheduler's store, then starts it. A
/// trigger whose schedule is unchanged is left alone, so restarting a node (or starting a second one) neither resets
/// nor doubles a schedule; a changed schedule replaces it; jobs no module declares any more are removed.
/// The schedules are read from configuration at start, so a bad <c>Liaison:Jobs</c> entry stops the site from
/// starting; the store's work (creating the scheduler, Quartz's schema check, the lock per write) is done once the
/// site listens, off the path to its first answer. <see cref="WhenRegisteredAsync"/> lets a caller of the scheduler
/// wait for it.
/// </summary>
internal sealed partial class JobRegistrar(
    ISchedulerFactory factory, IServiceScopeFactory scopes, IConfiguration configuration, IHostApplicationLifetime lifetime,
    ILogger<JobRegistrar> logger)
    : IHostedService
{
    public const string Group = "liaison";

    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _run;
    private IScheduler? _scheduler;

    /// <summary>
    /// Completes once the jobs are stored and the scheduler runs (at once in a process that does not run the
    /// scheduler, such as <c>recipe run</c>); faults if that failed.
    /// </summary>
    public Task WhenRegisteredAsync(CancellationToken cancellationToken)
        => _run is null ? Task.CompletedTask : _registered.Task.WaitAsync(cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        List<(IJobDetail Job, ITrigger Trigger)> declared;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var zone = scope.ServiceProvider.GetRequiredService<ISchoolClock>().TimeZone;
            declared = [.. scope.ServiceProvider.GetServices<IBackgroundJob>().Select(job => (
                JobBuilder.Create<BackgroundJobRunner>().WithIdentity(job.Name, Group).StoreDurably().Build(),
                Trigger(job.Name, ScheduleOf(job, configuration), zone)))];
        }

        _run = Task.Run(() => RunAsync(declared, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_scheduler is not null)
        {
            // Quartz's own hosted service did the same: running jobs finish before the node stops.
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    private async Task RunAsync(List<(IJobDetail Job, ITrigger Trigger)> declared, CancellationToken stopping)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stopping);
            }

            _scheduler = await factory.GetScheduler(stopping);
            await RegisterAsync(_scheduler, declared, stopping);
            await _scheduler.Start(stopping);
            _registered.TrySetResult();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _registered.TrySetCanceled(stopping);
        }
        catch (Exception e)
        {
            // As a failure at start did before: the node does not run without its jobs.
            LogStartFailed(e);
            _registered.TrySetException(e);
            lifetime.StopApplication();
        }
    }

    private async Task RegisterAsync(IScheduler scheduler, List<(IJobDetail Job, ITrigger Trigger)> declared, CancellationToken cancellationToken)
    {
        // Read once: a node that starts again finds its jobs stored and writes none of them (each write takes the
        // store's lock).
        var stored = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken);
        foreach (var (detail, trigger) in declared)
        {
            if (!stored.Contains(detail.Key))
            {
                await scheduler.AddJob(detail, AddJobOptions.Replacing, cancellationToken);
            }

            var existing = await scheduler.GetTrigger(trigger.Key, cancellationToken);
            if (existing?.Description == trigger.Description)
            {
                continue;
            }

            try
            {
                await scheduler.ScheduleJob(trigger, existing is null ? new ScheduleJobOptions() : ScheduleJobOptions.Replacing, cancellationToken);
                LogScheduled(detail.Key.Name, trigger.Description!);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node stored the same trigger a moment ago.
            }
        }

        var names = declared.Select(d => d.Job.Key.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in stored)
        {
            if (!names.Contains(key.Name))
            {
                await scheduler.DeleteJob(key, cancellationToken);
            }
        }
    }

    public static TriggerKey TriggerKeyOf(string jobName) => new(jobName, Group);

    /// <summary>
    /// The job's own schedule, or the one configured for it: <c>Liaison:Jobs:{Name}:Every</c> (a TimeSpan such as
    /// 00:05:00) or <c>Liaison:Jobs:{Name}:Cron</c>.
    /// </summary>
    public static JobSchedule ScheduleOf(IBackgroundJob job, IConfiguration configuration)
    {
        var section = configuration.GetSection($"Liaison:Jobs:{job.Name}");
        if (!string.IsNullOrWhiteSpace(section["Cron"]))
        {
            return Quartz.CronExpression.TryParse(section["Cron"]!, out _)
                ? JobSchedule.CronExpression(section["Cron"]!)
                : throw new InvalidOperationException($"Liaison:Jobs:{job.Name}:Cron '{section["Cron"]}' is not a Quartz cron expression.");
        }

        if (!string.IsNullOrWhiteSpace(section["Every"]))
        {
            return TimeSpan.TryParse(section["Every"], CultureInfo.InvariantCulture, out var every) && every >= TimeSpan.FromSeconds(1)
                ? JobSchedule.Every(every)
                : throw new InvalidOperationException($"Liaison:Jobs:{job.Name}:Every '{section["Every"]}' must be a time span of a second or more, such as 00:05:00.");
        }

        return job.Schedule;
    }

    /// <summary>The job's recurring trigger; its description records the schedule, so a change is noticed at start.</summary>
    private static ITrigger Trigger(string name, JobSchedule schedule, TimeZoneInfo zone)
    {
        var builder = TriggerBuilder.Create().WithIdentity(TriggerKeyOf(name)).ForJob(name, Group);
        if (schedule.Cron is { } cron)
        {
            if (!Quartz.CronExpression.TryParse(cron, out _))
            {
                throw new InvalidOperationException($"Job {name}: '{cron}' is not a Quartz cron expression (seconds first).");
            }

            return builder
                .WithDescription($"{schedule} ({zone.Id})")
                .WithCronSchedule(cron, x => x.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build();
        }

        // Missed ticks (all nodes down) are not made up: the next tick does the work.
        return builder
            .WithDescription(schedule.ToString())
            .StartNow()
            .WithSimpleSchedule(x => x.WithInterval(schedule.Interval!.Value).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
    }

    [LoggerMessage(LogLevel.Critical, "The scheduler could not start; the node stops.")]
    private partial void LogStartFailed(Exception e);

    [LoggerMessage(LogLevel.Information, "Job {Job} scheduled: {Schedule}.")]
    private partial void LogScheduled(string job, string schedule);
}
