using LiaisonSite.Core.Jobs;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Liaison.Notices.Closing;

/// <summary>Every minute (and at start), closes the notices whose period has ended. The kernel runs it once across nodes.</summary>
internal sealed partial class NoticeClosingJob(
    NoticeClosingService closing, IStringLocalizer<NoticeClosingJob> S, ILogger<NoticeClosingJob> logger) : IBackgroundJob
{
    public const string JobName = "Notices.Close";

    public string Name => JobName;

    public string DisplayName => S["Close public notices whose period has ended"];

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(1));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var closed = await closing.CloseExpiredAsync(cancellationToken);
        if (closed.Count > 0)
        {
            LogClosed(closed.Count);
        }
    }

    [LoggerMessage(LogLevel.Information, "Closed {Count} public notice(s) whose period has ended.")]
    private partial void LogClosed(int count);
}
