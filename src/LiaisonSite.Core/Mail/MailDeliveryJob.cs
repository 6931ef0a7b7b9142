using System.Globalization;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Mail;

/// <summary>
/// Sends the queued e-mail that is due. A message the server does not take stays queued and is tried again after
/// Liaison:Mail:RetrySeconds (default 60), doubling each time up to six hours, ten times in all. While any message
/// failed and waits for its retry, the run fails (so /admin/jobs shows it), after the others were sent.
/// </summary>
internal sealed class MailDeliveryJob(
    LiaisonDbContext db, IMailSettings settings, IMailTransport transport, IConfiguration configuration, TimeProvider clock,
    IStringLocalizer<MailDeliveryJob> S) : IBackgroundJob
{
    public const string JobName = "Mail.Send";

    public const int MaxAttempts = 10;

    private const int Batch = 50;

    public string Name => JobName;

    public string DisplayName => S["Send queued e-mail"];

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(1));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = await settings.GetAsync();
        if (!options.IsConfigured)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<QueuedMail>()
            .Where(m => m.SentUtc == null && m.GaveUpUtc == null && m.NextAttemptUtc <= now)
            .OrderBy(m => m.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var failures = new List<string>();
        foreach (var mail in due)
        {
            try
            {
                await transport.SendAsync(options, mail.To, mail.Subject, mail.Body, cancellationToken);
                mail.SentUtc = clock.GetUtcNow().UtcDateTime;
                mail.LastError = null;
            }
            catch (MailDeliveryException e)
            {
                mail.Attempts++;
                mail.LastError = e.Message.Length <= 1000 ? e.Message : e.Message[..1000];
                mail.NextAttemptUtc = clock.GetUtcNow().UtcDateTime + RetryDelay(mail.Attempts);
                mail.GaveUpUtc = mail.Attempts >= MaxAttempts ? clock.GetUtcNow().UtcDateTime : null;
                failures.Add(e.Message);
            }

            // One message at a time, so that a crash never sends the ones before it again.
            await db.SaveChangesAsync(cancellationToken);
        }

        if (failures.Count > 0)
        {
            throw new MailDeliveryException($"{failures.Count} of {due.Count} e-mail(s) could not be sent and stay queued: {failures[0]}");
        }

        // A run with nothing due while earlier messages wait for their retry is no success either: /admin/jobs says so.
        var waiting = await db.Set<QueuedMail>().AsNoTracking()
            .Where(m => m.SentUtc == null && m.GaveUpUtc == null && m.Attempts > 0)
            .OrderByDescending(m => m.Id)
            .Select(m => m.LastError)
            .ToListAsync(cancellationToken);
        if (waiting.Count > 0)
        {
            throw new MailDeliveryException($"{waiting.Count} e-mail(s) could not be sent yet and wait to be tried again: {waiting[0]}");
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var first = double.TryParse(configuration["Liaison:Mail:RetrySeconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? s
            : 60;
        return TimeSpan.FromSeconds(Math.Min(first * Math.Pow(2, attempts - 1), TimeSpan.FromHours(6).TotalSeconds));
    }
}
