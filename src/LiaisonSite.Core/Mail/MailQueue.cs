using LiaisonSite.Core.Data;
using LiaisonSite.Core.Hosting;
using LiaisonSite.Core.Jobs;

namespace LiaisonSite.Core.Mail;

/// <summary>Queues e-mail in the caller's unit of work; once it commits, the "Mail.Send" job is asked to run at once.</summary>
public interface IMailQueue
{
    /// <summary>Stages a message (nothing when the site has no mail server configured); <paramref name="url"/> is site-relative.</summary>
    Task EnqueueAsync(string to, string subject, string body, string? url = null, CancellationToken cancellationToken = default);
}

internal sealed class MailQueue(LiaisonDbContext db, IMailSettings settings, IJobScheduler jobs, PublicOrigin origin, TimeProvider clock) : IMailQueue
{
    private bool _kickScheduled;

    public async Task EnqueueAsync(string to, string subject, string body, string? url = null, CancellationToken cancellationToken = default)
    {
        if (!(await settings.GetAsync()).IsConfigured)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var link = url is null ? "" : "\n\n" + (origin.BaseUrl is { } baseUrl ? baseUrl.TrimEnd('/') + url : url);
        db.Add(new QueuedMail { To = to, Subject = subject, Body = body + link, CreatedUtc = now, NextAttemptUtc = now });
        if (!_kickScheduled)
        {
            _kickScheduled = true;
            db.AfterCommit(() => jobs.RunNowAsync(MailDeliveryJob.JobName));
        }
    }
}
