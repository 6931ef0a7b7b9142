using LiaisonSite.Core.Jobs;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Reminders;

/// <summary>Every morning at 08:00 school time: reminders of due and overdue mandatory talks and follow-ups.</summary>
internal sealed class TalkReminderJob(TalkReminderService reminders, IStringLocalizer<TalkReminderJob> S) : IBackgroundJob
{
    public string Name => "Talks.Remind";

    public string DisplayName => S["Remind members of mandatory talks and follow-ups"];

    public JobSchedule Schedule { get; } = JobSchedule.CronExpression("0 0 8 * * ?");

    public Task RunAsync(CancellationToken cancellationToken) => reminders.SendDueAsync(cancellationToken);
}
