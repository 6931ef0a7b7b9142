using LiaisonSite.Core.Jobs;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents.Scheduling;

/// <summary>
/// Every minute (and at each scheduled time, through <see cref="IJobScheduler.RunAtAsync"/>), publishes and unpublishes
/// the items whose time has come. A kernel job: it runs once across nodes and never beside itself.
/// </summary>
internal sealed class ScheduledPublishingJob(ScheduledPublishing scheduling, IStringLocalizer<ScheduledPublishingJob> S) : IBackgroundJob
{
    public const string JobName = "Contents.ScheduledPublishing";

    public string Name => JobName;

    public string DisplayName => S["Publish and unpublish content at its scheduled time"];

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(1));

    public Task RunAsync(CancellationToken cancellationToken) => scheduling.RunDueAsync(cancellationToken);
}
