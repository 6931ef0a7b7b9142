using System.Security.Claims;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Mail;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Core.Notifications;

/// <summary>The signed-in user's bell: how many unread notifications they have.</summary>
public interface INotificationInbox
{
    Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

internal sealed class NotificationService(
    LiaisonDbContext db, UserManager<LiaisonUser> users, IBranchUsers branches, IMailQueue mail, TimeProvider clock)
    : INotifier, INotificationInbox
{
    public const int MaxSubject = 200;

    public const int MaxBody = 4000;

    public async Task<int> NotifyAsync(NotificationRecipients recipients, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subject = Cut(message.Subject, MaxSubject);
        var body = Cut(message.Body, MaxBody);
        var accounts = await ResolveAsync(recipients, cancellationToken);
        foreach (var account in accounts)
        {
            db.Add(new UserNotification { UserId = account.Id, Subject = subject, Body = body, Url = message.Url, CreatedUtc = now });
            if (!account.EmailOptOut && !string.IsNullOrWhiteSpace(account.Email))
            {
                await mail.EnqueueAsync(account.Email, subject, body, message.Url, cancellationToken);
            }
        }

        return accounts.Count;
    }

    public async Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? 0 : await db.Set<UserNotification>().CountAsync(n => n.UserId == id && n.ReadUtc == null, cancellationToken);
    }

    private async Task<IReadOnlyList<LiaisonUser>> ResolveAsync(NotificationRecipients recipients, CancellationToken cancellationToken)
    {
        IEnumerable<LiaisonUser> found = [];
        if (recipients.UserNames.Count > 0)
        {
            var names = recipients.UserNames.Select(n => users.NormalizeName(n)).ToList();
            found = await db.Users.Where(u => names.Contains(u.NormalizedUserName!)).ToListAsync(cancellationToken);
        }

        if (recipients.Role is { } role)
        {
            var holders = await users.GetUsersInRoleAsync(role);
            if (recipients.BranchId is { } branch)
            {
                var inBranch = (await branches.UserNamesAsync(branch, cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
                holders = [.. holders.Where(u => u.UserName is not null && inBranch.Contains(u.UserName))];
            }

            found = found.Concat(holders);
        }

        return [.. found.Where(u => u.IsEnabled).DistinctBy(u => u.Id)];
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
