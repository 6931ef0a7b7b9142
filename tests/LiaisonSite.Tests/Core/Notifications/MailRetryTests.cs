using LiaisonSite.Core.Data;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Mail;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Core.Notifications;

/// <summary>The mail server is down when the notification is made: the mail waits in the queue and goes out once it is up.</summary>
public sealed class MailRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MailQueuedWhileTheServerIsDown_IsSentWhenItComesBack()
    {
        LocalSmtpServer.SkipWhenUnavailable();
        var port = LocalSmtpServer.FreePort();
        await using var site = new MailSiteFactory(port);
        var subject = "发展党员公示已结束 " + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(
                NotificationRecipients.Users("committee1"), new NotificationMessage(subject, "请查看公示结果。"), Ct);
            await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
        }

        // Nobody listens on the port: the attempt fails, the mail stays queued with the reason, the job run fails.
        var failed = await WaitForMailAsync(site, subject, m => m.Attempts >= 1);
        Assert.Null(failed.SentUtc);
        Assert.Null(failed.GaveUpUtc);
        Assert.Contains("127.0.0.1", failed.LastError);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JobStatus status;
        while ((status = (await site.Services.GetRequiredService<IJobMonitor>().ListAsync(Ct)).Single(j => j.Name == "Mail.Send")).LastOutcome != JobRunOutcome.Failed)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The failed sending never showed at /admin/jobs: {status.LastOutcome}.");
            await Task.Delay(200, Ct);
        }

        Assert.Contains("could not be sent", status.LastError);
        Assert.Contains("Connection refused", status.LastError);

        await using var smtp = await LocalSmtpServer.StartAsync(port);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // past the first retry delay (Liaison:Mail:RetrySeconds = 1)
        Assert.True(await site.Services.GetRequiredService<IJobScheduler>().RunNowAsync("Mail.Send", Ct));

        var mail = await smtp.WaitForAsync(m => m.Subject == subject);
        Assert.Equal("committee1@example.edu.cn", mail.To.Mailboxes.Single().Address);
        var sent = await WaitForMailAsync(site, subject, m => m.SentUtc is not null);
        Assert.True(sent.Attempts >= 1);
    }

    private static async Task<QueuedMail> WaitForMailAsync(SiteFactory site, string subject, Func<QueuedMail, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var scope = site.Services.CreateAsyncScope())
            {
                var mail = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<QueuedMail>().AsNoTracking()
                    .SingleOrDefaultAsync(m => m.Subject == subject, Ct);
                if (mail is not null && condition(mail))
                {
                    return mail;
                }

                Assert.True(DateTime.UtcNow < deadline, $"The queued mail never got there: {mail?.Attempts} attempts, {mail?.LastError}.");
            }

            await Task.Delay(200, Ct);
        }
    }
}
