using Liaison.Organization.Contracts;
using Liaison.Reports.Data;
using Liaison.Reports.Inspections;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Reports.Reminders;

/// <summary>A reminder sent: one row per key and school day, so nobody is reminded twice the same day.</summary>
public sealed class ReportReminder
{
    public long Id { get; set; }

    /// <summary>"member:12:2026-Q3", "branch:branch-1:2026-Q3".</summary>
    public string ItemKey { get; set; } = "";

    public DateOnly Day { get; set; }

    public DateTime SentUtc { get; set; }

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<ReportReminder>(e =>
    {
        e.ToTable("ReportReminders");
        e.HasKey(x => x.Id);
        e.Property(x => x.ItemKey).HasMaxLength(100).IsRequired();
        e.HasIndex(x => new { x.ItemKey, x.Day }).IsUnique();
    });
}

/// <summary>
/// The last quarter's report (R9): until its deadline (the committee's setting, else <c>Liaison:Reports:DeadlineDays</c>, 10 days after the quarter
/// ends) members who have not handed it in are reminded; after it, they and their branch's secretaries. Each member
/// and branch at most once a school day: a <see cref="ReportReminder"/> row (unique per key and day) is saved with
/// the notifications, so a second run that day, on any node, sends nothing.
/// </summary>
public sealed class ReportReminderService(
    LiaisonDbContext db, IRosterQueries roster, INotifier notifier, ISchoolClock clock, IStringLocalizer<ReportReminderService> S)
{
    public async Task<int> SendDueAsync(int deadlineDays, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var quarter = SchoolPeriod.QuarterOf(today.AddMonths(-3));
        var deadline = quarter.End.AddDays(deadlineDays - 1);
        var late = today > deadline;
        var sentToday = (await db.Set<ReportReminder>().Where(r => r.Day == today).Select(r => r.ItemKey).ToListAsync(cancellationToken)).ToHashSet();
        var missing = await (from m in roster.Members()
                             where m.Active && m.UserName != null
                                   && !db.Set<QuarterlyReportIndex>().Any(r => r.Latest && r.MemberId == m.Id && r.Quarter == quarter.Key
                                                                             && (r.FirstSubmittedUtc != null || r.Published))
                             select new { m.Id, m.UserName, m.BranchId }).ToListAsync(cancellationToken);
        var count = 0;
        var deadlineText = deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var m in missing)
        {
            var key = $"member:{m.Id}:{quarter.Key}";
            if (sentToday.Contains(key))
            {
                continue;
            }

            await notifier.NotifyAsync(NotificationRecipients.Users(m.UserName!), new NotificationMessage(
                late ? S["Your quarterly report is overdue"] : S["Your quarterly report is due"],
                S["Hand in your report of {0} by {1}.", quarter.Key, deadlineText],
                $"/admin/my-work/reports/new?quarter={quarter.Key}"), cancellationToken);
            db.Add(new ReportReminder { ItemKey = key, Day = today, SentUtc = clock.UtcNow });
            count++;
        }

        if (late)
        {
            foreach (var branch in missing.GroupBy(m => m.BranchId))
            {
                var key = $"branch:{branch.Key}:{quarter.Key}";
                if (sentToday.Contains(key))
                {
                    continue;
                }

                await notifier.NotifyAsync(NotificationRecipients.InRole(RoleNames.BranchSecretary, branch.Key), new NotificationMessage(
                    S["Quarterly reports are overdue"],
                    S["{0} members of your branch have not handed in the report of {1} (due {2}).", branch.Count(), quarter.Key, deadlineText],
                    $"/admin/reports?quarter={quarter.Key}&branch={branch.Key}&state=NotReported"), cancellationToken);
                db.Add(new ReportReminder { ItemKey = key, Day = today, SentUtc = clock.UtcNow });
                count++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}

/// <summary>Every morning at 08:00 school time (Quartz: once across nodes): reminders of the last quarter's report.</summary>
internal sealed class ReportReminderJob(ReportReminderService reminders, Settings.ReportSettingsService settings, IStringLocalizer<ReportReminderJob> S) : IBackgroundJob
{
    public string Name => "Reports.Remind";

    public string DisplayName => S["Remind members of quarterly report deadlines"];

    public JobSchedule Schedule { get; } = JobSchedule.CronExpression("0 0 8 * * ?");

    public async Task RunAsync(CancellationToken cancellationToken) => await reminders.SendDueAsync(await settings.DeadlineDaysAsync(), cancellationToken);
}
