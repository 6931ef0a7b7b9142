using Liaison.Organization.Contracts;
using Liaison.Talks.Data;
using Liaison.Talks.Parts;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Talks.Reminders;

/// <summary>
/// Reminds members of mandatory talks and talk follow-ups that are due within <see cref="AheadDays"/> days or
/// overdue, in the bell and by e-mail (<see cref="INotifier"/>). Each item is reminded at most once a school day:
/// a <see cref="TalkReminder"/> row (unique per item and day) is saved with the notifications, so a second run the
/// same day, on this node or another, finds it and sends nothing.
/// </summary>
public sealed class TalkReminderService(
    LiaisonDbContext db, IRosterQueries roster, INotifier notifier, ISchoolClock clock, IContentManager contents,
    Obligations.ObligationService obligationService, TalkText text, IStringLocalizer<TalkReminderService> S)
{
    public const int AheadDays = 3;

    /// <summary>Sends what is due today and not yet reminded; returns how many items were reminded.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var horizon = today.AddDays(AheadDays);
        var sentToday = (await db.Set<TalkReminder>().Where(r => r.Day == today).Select(r => r.ItemKey).ToListAsync(cancellationToken)).ToHashSet();
        var users = await roster.Members().Where(m => m.UserName != null).ToDictionaryAsync(m => m.Id, m => m.UserName!, cancellationToken);
        var count = 0;

        var obligations = await obligationService
            .WithPartnerNames(db.Set<TalkObligation>().Where(o => o.ClosedDate == null && o.DueDate <= horizon))
            .Select(x => new { x.Obligation.Id, x.Obligation.MemberId, x.Obligation.Occasion, x.Obligation.DueDate, PersonName = x.PartnerName ?? "" })
            .ToListAsync(cancellationToken);
        foreach (var o in obligations)
        {
            var key = $"obligation:{o.Id}";
            if (sentToday.Contains(key) || !users.TryGetValue(o.MemberId, out var user))
            {
                continue;
            }

            var subject = o.DueDate < today ? S["A mandatory talk is overdue"] : S["A mandatory talk is due"];
            await notifier.NotifyAsync(NotificationRecipients.Users(user), new NotificationMessage(subject,
                S["Talk with {0} ({1}) by {2}.", o.PersonName, text.Occasion(o.Occasion), o.DueDate.ToString("yyyy-MM-dd")],
                $"/admin/my-work/talks/new?obligation={o.Id}"), cancellationToken);
            db.Add(new TalkReminder { ItemKey = key, Day = today, SentUtc = clock.UtcNow });
            count++;
        }

        var talkIds = await db.Set<TalkIndex>().Where(t => t.Latest && t.OpenFollowUps > 0).Select(t => t.ContentItemId).ToListAsync(cancellationToken);
        foreach (var id in talkIds)
        {
            var talk = await contents.GetAsync(id, VersionOptions.Latest);
            if (talk is null)
            {
                continue;
            }

            var part = talk.As<TalkPart>();
            foreach (var f in part.FollowUps.Where(f => !f.Closed && f.DueDate is { } due && due <= horizon))
            {
                var key = $"followup:{id}:{f.Id}";
                var owner = f.OwnerMemberId ?? part.MemberId;
                if (sentToday.Contains(key) || !users.TryGetValue(owner, out var user))
                {
                    continue;
                }

                var subject = f.DueDate < today ? S["A follow-up item is overdue"] : S["A follow-up item is due"];
                await notifier.NotifyAsync(NotificationRecipients.Users(user), new NotificationMessage(subject,
                    S["{0} (due {1}).", f.Text, f.DueDate!.Value.ToString("yyyy-MM-dd")], "/admin/follow-ups"), cancellationToken);
                db.Add(new TalkReminder { ItemKey = key, Day = today, SentUtc = clock.UtcNow });
                count++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}
