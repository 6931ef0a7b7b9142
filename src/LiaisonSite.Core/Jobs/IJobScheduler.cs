namespace LiaisonSite.Core.Jobs;

/// <summary>
/// One-off runs of a declared <see cref="IBackgroundJob"/>, besides its schedule: "send the mail queue now", "try
/// again at 10:05". The run goes through the same scheduler, so it happens once across nodes, after any run of the
/// same job that is going on (a job never runs beside itself).
/// </summary>
public interface IJobScheduler
{
    /// <summary>Runs the job once as soon as a worker is free; false when no job of that name is declared.</summary>
    Task<bool> RunNowAsync(string jobName, CancellationToken cancellationToken = default);

    /// <summary>Runs the job once at <paramref name="at"/> (now when that is past); false when no job of that name is declared.</summary>
    Task<bool> RunAtAsync(string jobName, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>What /admin/jobs shows of each declared job.</summary>
public interface IJobMonitor
{
    Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken = default);
}

public enum JobRunOutcome
{
    None,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>A declared job, its last run (on any node) and its next one.</summary>
public sealed record JobStatus(
    string Name,
    string DisplayName,
    JobSchedule Schedule,
    DateTimeOffset? LastRunUtc,
    TimeSpan? LastDuration,
    JobRunOutcome LastOutcome,
    string? LastError,
    string? LastNode,
    DateTimeOffset? NextRunUtc);
