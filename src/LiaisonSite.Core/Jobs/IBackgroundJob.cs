using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiaisonSite.Core.Jobs;

/// <summary>
/// A recurring piece of work a module declares without knowing the scheduler behind it. The kernel runs it on its
/// schedule, once across nodes, each run in a fresh DI scope; a run that throws is logged and tried again at the next
/// tick, and never stops the other jobs. Register with <see cref="BackgroundJobServiceCollectionExtensions.AddBackgroundJob{TJob}"/>.
/// </summary>
public interface IBackgroundJob
{
    /// <summary>Stable identity of the job across releases and nodes, e.g. "Notices.Close".</summary>
    string Name { get; }

    /// <summary>What /admin/jobs calls the job, already localized through the module's IStringLocalizer.</summary>
    string DisplayName => Name;

    /// <summary>When the job runs: a cron expression in the school's time zone, or a fixed interval (the first run is at start).</summary>
    JobSchedule Schedule { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Either a cron expression (Quartz syntax, seconds first, in the site's time zone) or an interval.</summary>
public sealed record JobSchedule
{
    private JobSchedule(string? cron, TimeSpan? interval)
    {
        Cron = cron;
        Interval = interval;
    }

    public string? Cron { get; }

    public TimeSpan? Interval { get; }

    public static JobSchedule Every(TimeSpan interval)
        => interval > TimeSpan.Zero ? new(null, interval) : throw new ArgumentOutOfRangeException(nameof(interval));

    public static JobSchedule CronExpression(string cron)
        => !string.IsNullOrWhiteSpace(cron) ? new(cron, null) : throw new ArgumentException("A cron expression is required.", nameof(cron));

    public override string ToString()
        => Cron is not null ? "cron " + Cron : "every " + Interval!.Value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}

public static class BackgroundJobServiceCollectionExtensions
{
    /// <summary>Declares a job; it is created in a fresh scope for every run.</summary>
    public static IServiceCollection AddBackgroundJob<TJob>(this IServiceCollection services)
        where TJob : class, IBackgroundJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IBackgroundJob, TJob>());
        return services;
    }
}
