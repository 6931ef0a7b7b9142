using System.Globalization;
using LiaisonSite.Core.Localization;
using LiaisonSite.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace LiaisonSite.Core.Jobs.Scheduler;

/// <summary>
/// The one Quartz job: runs the <see cref="IBackgroundJob"/> named by its key in a fresh scope. A job never runs
/// beside itself (on this node or another). A run that throws is logged and recorded as failed in the history;
/// its trigger stays, so the next tick tries again, and the other jobs go on.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class BackgroundJobRunner(IServiceScopeFactory scopes, ILogger<BackgroundJobRunner> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.Key.Name;
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IBackgroundJob>().FirstOrDefault(j => j.Name == name);
        if (job is null)
        {
            LogUnknown(name);
            return;
        }

        // Before setup there is no site to work on (and no settings, no clock zone).
        var settings = await scope.ServiceProvider.GetRequiredService<ISiteService>().GetSettingsAsync();
        if (settings.SetupCompletedUtc is null)
        {
            return;
        }

        // What a job writes (reminders, mail, notices) is read by people: in the site's language, not the server's.
        var culture = SiteLanguage.Of(settings.DefaultCulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;

        try
        {
            await job.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogFailed(e, name);
            throw new JobExecutionException(e.Message, e) { RefireImmediately = false };
        }
    }

    [LoggerMessage(LogLevel.Warning, "Job {Job} failed; it runs again at its next time.")]
    private partial void LogFailed(Exception exception, string job);

    [LoggerMessage(LogLevel.Warning, "Job {Job} is in the schedule but no module declares it; nothing ran.")]
    private partial void LogUnknown(string job);
}
