using System.Globalization;
using LiaisonSite.Core.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace LiaisonSite.Core.Jobs.Scheduler;

/// <summary>
/// At start, puts every declared job and its trigger in the scheduler's store. A trigger whose schedule is unchanged
/// is left alone, so restarting a node (or starting a second one) neither resets nor doubles a schedule; a changed
/// schedule replaces it; jobs no module declares any more are removed.
/// </summary>
internal sealed partial class JobRegistrar(
    ISchedulerFactory factory, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<JobRegistrar> logger)
    : IHostedService
{
    public const string Group = "liaison";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetServices<IBackgroundJob>().ToList();
        var zone = scope.ServiceProvider.GetRequiredService<ISchoolClock>().TimeZone;

        // Read once: a node that starts again finds its jobs stored and writes none of them (each write takes the
        // store's lock; together they were a measurable part of the time to the first answer).
        var stored = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken);
        foreach (var job in jobs)
        {
            var detail = JobBuilder.Create<BackgroundJobRunner>().WithIdentity(job.Name, Group).StoreDurably().Build();
            if (!stored.Contains(detail.Key))
            {
                await scheduler.AddJob(detail, AddJobOptions.Replacing, cancellationToken);
            }

            var trigger = Trigger(job.Name, ScheduleOf(job, configuration), zone);
            var existing = await scheduler.GetTrigger(trigger.Key, cancellationToken);
            if (existing?.Description == trigger.Description)
            {
                continue;
            }

            try
            {
                await scheduler.ScheduleJob(trigger, existing is null ? new ScheduleJobOptions() : ScheduleJobOptions.Replacing, cancellationToken);
                LogScheduled(job.Name, trigger.Description!);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node stored the same trigger a moment ago.
            }
        }

        var declared = jobs.Select(j => j.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in stored)
        {
            if (!declared.Contains(key.Name))
            {
                await scheduler.DeleteJob(key, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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

    [LoggerMessage(LogLevel.Information, "Job {Job} scheduled: {Schedule}.")]
    private partial void LogScheduled(string job, string schedule);
}
