using System.Net;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mail;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LiaisonSite.Tests.Core.Notifications;

/// <summary>
/// Notifications through the real pipeline to a real SMTP server (aiosmtpd). Each test notifies its own users with a
/// subject of its own and reads only that.
/// </summary>
public sealed class NotificationMailTests(MailSite fixture) : IClassFixture<MailSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SiteFactory Site => fixture.Site;

    private LocalSmtpServer Smtp
    {
        get
        {
            LocalSmtpServer.SkipWhenUnavailable();
            return fixture.Smtp!;
        }
    }

    [Fact]
    public async Task ANotificationToABranchsSecretary_ReachesTheirBellAndTheirMailbox()
    {
        var smtp = Smtp;
        var subject = "请审阅第三季度汇报 " + Guid.NewGuid().ToString("N")[..8];

        var count = await NotifyAsync(NotificationRecipients.InRole(RoleNames.BranchSecretary, "branch-1"),
            new NotificationMessage(subject, "第一党支部的季度汇报已提交，请审阅。", "/admin/notifications"));

        Assert.Equal(1, count);
        var mail = await smtp.WaitForAsync(m => m.Subject == subject);
        Assert.Equal("secretary1@example.edu.cn", ((MailboxAddress)mail.To.Single()).Address);
        Assert.Equal("dangwei@example.edu.cn", ((MailboxAddress)mail.From.Single()).Address);
        Assert.Contains("第一党支部的季度汇报已提交", mail.TextBody);

        var secretary = await Site.SignInAsync("secretary1");
        var list = await secretary.GetStringAsync("/admin/notifications", Ct);
        Assert.Matches("data-unread=\"[1-9]", list); // the bell in the admin bar
        Assert.Contains(subject, list);

        // Marking it read takes it out of the unread ones; another branch's secretary never had it.
        var id = await IdOfAsync("secretary1", subject);
        var read = await SiteFactory.PostFormAsync(secretary, "/admin/notifications", "/admin/notifications/read", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        Assert.NotNull((await db.Set<UserNotification>().SingleAsync(n => n.Id == id, Ct)).ReadUtc);
        var secretary2 = await db.Users.SingleAsync(u => u.UserName == "secretary2", Ct);
        Assert.False(await db.Set<UserNotification>().AnyAsync(n => n.UserId == secretary2.Id && n.Subject == subject, Ct));
    }

    [Fact]
    public async Task TheTalkReminderJob_MailsTheMemberAnOverdueMandatoryTalk_InTheSitesLanguage()
    {
        var smtp = Smtp;
        // The job must write in the site's language whatever the culture of the thread that asks for the run.
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        try
        {
            Assert.True(await Site.Services.GetRequiredService<LiaisonSite.Core.Jobs.IJobScheduler>().RunNowAsync("Talks.Remind", Ct));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }

        // The demo gives member1 (D102) an overdue mandatory talk.
        var mail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "member1@example.edu.cn") && m.Subject == "必谈事项已逾期");
        Assert.Matches(@"\d{4}-\d{2}-\d{2}", mail.TextBody);
        var member1 = await Site.SignInAsync("member1");
        Assert.Contains("必谈事项已逾期", await member1.GetStringAsync("/admin/notifications", Ct));
    }

    [Fact]
    public async Task SomeoneElsesNotification_CannotBeMarkedRead()
    {
        var subject = "仅本人可见 " + Guid.NewGuid().ToString("N")[..8];
        await NotifyAsync(NotificationRecipients.Users("member5"), new NotificationMessage(subject, "正文"));
        var id = await IdOfAsync("member5", subject);
        var other = await Site.SignInAsync("member4");

        var response = await SiteFactory.PostFormAsync(other, "/admin/notifications", "/admin/notifications/read", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = Site.Services.CreateAsyncScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<UserNotification>().SingleAsync(n => n.Id == id, Ct)).ReadUtc);
    }

    [Fact]
    public async Task AUserWhoSwitchedEmailOff_GetsTheBellButNoMail()
    {
        var smtp = Smtp;
        var member2 = await Site.SignInAsync("member2");
        var off = await SiteFactory.PostFormAsync(member2, "/admin/notifications", "/admin/notifications/email", new() { ["emailOn"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var subject = "谈心谈话提醒 " + Guid.NewGuid().ToString("N")[..8];

        await NotifyAsync(NotificationRecipients.Users("member2", "member3"), new NotificationMessage(subject, "本月请完成一次谈心谈话。"));

        // member3 (e-mail on) gets the mail; once it is there, member2's would have been sent with it.
        var toMember3 = await smtp.WaitForAsync(m => m.Subject == subject);
        Assert.Equal("member3@example.edu.cn", ((MailboxAddress)toMember3.To.Single()).Address);
        Assert.Single(smtp.Messages(), m => m.Subject == subject);
        Assert.Contains(subject, await member2.GetStringAsync("/admin/notifications", Ct));
        await using var scope = Site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<QueuedMail>()
            .AnyAsync(m => m.Subject == subject && m.To == "member2@example.edu.cn", Ct));
    }

    [Fact]
    public async Task TheTestButton_SendsAMail_AndThePasswordIsNeverShownBack()
    {
        var smtp = Smtp;
        var admin = await Site.SignInAsync(SiteFactory.AdminUserName);
        const string password = "Smtp-secret-4711";
        var saved = await SiteFactory.PostFormAsync(admin, "/admin/settings/mail", "/admin/settings/mail", new()
        {
            ["Host"] = "127.0.0.1",
            ["Port"] = fixture.Site.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["From"] = "dangwei@example.edu.cn",
            ["NewPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetStringAsync("/admin/settings/mail", Ct);
        Assert.DoesNotContain(password, page);
        Assert.Contains("已保存密码", page);
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var document = await scope.ServiceProvider.GetRequiredService<IMailSettings>().GetDocumentAsync();
            Assert.NotNull(document.ProtectedPassword);
            Assert.DoesNotContain(password, document.ProtectedPassword);
        }

        var sent = await SiteFactory.PostFormAsync(admin, "/admin/settings/mail", "/admin/settings/mail/test", new() { ["to"] = "test-button@example.edu.cn" });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("测试邮件已发送", await admin.GetStringAsync("/admin/settings/mail", Ct));
        await smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "test-button@example.edu.cn"));
    }

    [Fact]
    public async Task BadMailSettings_AreRefusedWithMessages_AndNothingIsSaved()
    {
        var admin = await Site.SignInAsync(SiteFactory.AdminUserName);
        string? before;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            before = System.Text.Json.JsonSerializer.Serialize(await scope.ServiceProvider.GetRequiredService<IMailSettings>().GetDocumentAsync());
        }

        var response = await SiteFactory.PostFormAsync(admin, "/admin/settings/mail", "/admin/settings/mail", new()
        {
            ["Host"] = "smtp.example.edu.cn",
            ["Port"] = "70000",
            ["From"] = "not an address",
        });
        var test = await SiteFactory.PostFormAsync(admin, "/admin/settings/mail", "/admin/settings/mail/test", new() { ["to"] = "nobody" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("端口必须在 1 到 65535 之间", html);
        Assert.Contains("发件人必须是邮件地址", html);
        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        Assert.Contains("请填写测试邮件的收件地址", await admin.GetStringAsync("/admin/settings/mail", Ct));
        await using var check = Site.Services.CreateAsyncScope();
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await check.ServiceProvider.GetRequiredService<IMailSettings>().GetDocumentAsync()));
    }

    private async Task<int> NotifyAsync(NotificationRecipients to, NotificationMessage message)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(to, message, Ct);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
        return count;
    }

    private async Task<long> IdOfAsync(string userName, string subject)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName, Ct);
        return await db.Set<UserNotification>().Where(n => n.UserId == user.Id && n.Subject == subject).Select(n => n.Id).SingleAsync(Ct);
    }
}
