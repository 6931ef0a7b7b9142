using LiaisonSite.Core.ContentManagement;

namespace LiaisonSite.Core.Notifications;

/// <summary>
/// Tells people something: a notification in their bell (/admin/notifications) and, unless they switched e-mail off
/// or the site has no mail server, an e-mail queued in the database and sent by the "Mail.Send" job with retries.
/// Both are staged in the caller's unit of work: nothing is sent unless the caller's save commits.
/// </summary>
public interface INotifier
{
    /// <summary>Stages the notification for every enabled account among the recipients; returns how many.</summary>
    Task<int> NotifyAsync(NotificationRecipients recipients, NotificationMessage message, CancellationToken cancellationToken = default);
}

/// <summary>What the recipients read: already in the site's language. <see cref="Url"/> is a site-relative link ("/admin/…").</summary>
public sealed record NotificationMessage(string Subject, string Body, string? Url = null);

/// <summary>Who gets a notification: accounts by user name, the holders of a role (optionally only within a branch), an item's owner.</summary>
public sealed class NotificationRecipients
{
    private NotificationRecipients(IReadOnlyList<string> userNames, string? role, string? branchId)
    {
        UserNames = userNames;
        Role = role;
        BranchId = branchId;
    }

    public IReadOnlyList<string> UserNames { get; }

    public string? Role { get; }

    public string? BranchId { get; }

    public static NotificationRecipients Users(params string[] userNames) => new(userNames, null, null);

    /// <summary>Everyone holding the role.</summary>
    public static NotificationRecipients InRole(string role) => new([], role, null);

    /// <summary>The holders of the role whose member record is in the branch, e.g. the branch's secretary.</summary>
    public static NotificationRecipients InRole(string role, string branchId) => new([], role, branchId);

    /// <summary>The owner of the content item (nobody when it has none).</summary>
    public static NotificationRecipients OwnerOf(ContentItem item)
        => new(string.IsNullOrEmpty(item.Owner) ? [] : [item.Owner], null, null);
}
