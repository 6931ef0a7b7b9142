using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiaisonSite.Core.Events;

/// <summary>
/// What happens once a unit of work has committed: its events go to the in-process dispatcher (a channel, so the
/// request does not wait for handlers), and its after-commit actions run. An action that throws is logged and tried
/// again in the background (after 1, 5 and 30 seconds), because the save it follows is already committed and must
/// not become an error. Actions may therefore run after the request ended: they capture only singletons.
/// </summary>
public sealed partial class AfterCommitWork(DomainEventRegistry registry, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<AfterCommitWork> logger)
{
    private static readonly TimeSpan[] s_retryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    private readonly Channel<Guid> _events = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public DomainEventRegistry Registry => registry;

    public TimeProvider Clock => clock;

    internal ChannelReader<Guid> Events => _events.Reader;

    internal void Dispatch(IEnumerable<Guid> eventIds)
    {
        foreach (var id in eventIds)
        {
            _events.Writer.TryWrite(id);
        }
    }

    internal async Task RunAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            LogRetrying(logger, e);
            _ = RetryAsync(action);
        }
    }

    private async Task RetryAsync(Func<Task> action)
    {
        foreach (var delay in s_retryDelays)
        {
            try
            {
                await Task.Delay(delay, clock, lifetime.ApplicationStopping);
                await action();
                return;
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRetrying(logger, e);
            }
        }

        LogGaveUp(logger, s_retryDelays.Length);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work after a committed save failed; it is tried again in the background.")]
    private static partial void LogRetrying(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Work after a committed save failed {Retries} more times and was given up.")]
    private static partial void LogGaveUp(ILogger logger, int retries);
}
