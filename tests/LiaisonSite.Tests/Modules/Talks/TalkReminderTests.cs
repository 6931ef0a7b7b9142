using Liaison.Talks.Data;
using Liaison.Talks.Reminders;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Talks;

/// <summary>Reminders of due and overdue mandatory talks and follow-ups: in the bell, never twice for one item and day.</summary>
[Collection(TalksCollection.Name)]
public sealed class TalkReminderTests(TalksSite site)
{
    private static CancellationToken Ct => TalksSite.Ct;

    private async Task<int> SendAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TalkReminderService>().SendDueAsync(Ct);
    }

    private async Task<int> NotificationsOfAsync(string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<LiaisonUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<UserNotification>().CountAsync(n => n.UserId == user!.Id, Ct);
    }

    [Fact]
    public async Task Reminders_ReachTheMemberOnce_ASecondRunTheSameDaySendsNothing()
    {
        var member1 = await site.MemberIdAsync("D102");
        DateOnly today;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            today = scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.Time.ISchoolClock>().Today;
        }

        var horizon = today.AddDays(TalkReminderService.AheadDays);
        var dueSoon = await site.WithDbAsync(async db =>
        {
            var sent = await db.Set<TalkReminder>().Where(r => r.Day == today).Select(r => r.ItemKey).ToListAsync(Ct);
            var ids = await db.Set<TalkObligation>().Where(o => o.MemberId == member1 && o.ClosedDate == null && o.DueDate <= horizon)
                .Select(o => o.Id).ToListAsync(Ct);
            return ids.Count(id => !sent.Contains($"obligation:{id}"));
        });
        Assert.True(dueSoon > 0, "the demo gives member1 an overdue mandatory talk");
        var before = await NotificationsOfAsync("member1");

        await SendAsync();
        var afterFirst = await NotificationsOfAsync("member1");
        var second = await SendAsync();

        Assert.True(afterFirst - before >= dueSoon, $"{afterFirst - before} notifications for {dueSoon} due or overdue talks");
        Assert.Equal(0, second);
        Assert.Equal(afterFirst, await NotificationsOfAsync("member1"));
        var keys = await site.WithDbAsync(db => db.Set<TalkReminder>().GroupBy(r => new { r.ItemKey, r.Day }).Select(g => g.Count()).ToListAsync(Ct));
        Assert.All(keys, count => Assert.Equal(1, count));
    }

    [Fact]
    public void TheReminderJob_IsAKernelJob_SoItRunsOnceAcrossNodes()
    {
        using var scope = site.Services.CreateScope();
        var jobs = scope.ServiceProvider.GetServices<IBackgroundJob>();

        Assert.Contains(jobs, j => j.Name == "Talks.Remind");
    }
}
