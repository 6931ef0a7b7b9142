using LiaisonSite.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Liaison.Notices.Closing;

/// <summary>Runs <see cref="NoticeClosingService"/> at start and then every minute, on every node (the lease picks one).</summary>
internal sealed partial class NoticeClosingJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NoticeClosingJob> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var settings = await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync();
                var closed = settings.SetupCompletedUtc is null
                    ? null
                    : await scope.ServiceProvider.GetRequiredService<NoticeClosingService>().CloseExpiredAsync(stoppingToken);
                if (closed is { Count: > 0 })
                {
                    LogClosed(closed.Count);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database hiccup must not stop the job; the next round tries again.
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Closed {Count} public notice(s) whose period has ended.")]
    private partial void LogClosed(int count);

    [LoggerMessage(LogLevel.Warning, "Closing public notices failed; trying again in a minute.")]
    private partial void LogFailed(Exception exception);
}
