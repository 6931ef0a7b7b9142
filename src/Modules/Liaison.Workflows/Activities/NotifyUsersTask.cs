using Liaison.Workflows.Engine;
using LiaisonSite.Core.Notifications;

namespace Liaison.Workflows.Activities;

/// <summary>
/// Tells people (bell and e-mail, through the kernel's notifier): "Recipients" is "Owner" (the item's owner), "Roles"
/// ("Roles" in the item's branch when "InBranch" is true) or "Users" ("Users"); "Subject" and "Body" are Liquid.
/// </summary>
internal sealed class NotifyUsersTask(INotifier notifier) : WorkflowActivity
{
    public override string Name => "NotifyUsersTask";

    public override string DisplayName => "Notify users";

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } =
    [
        new("Recipients", "Recipients", ActivityPropertyKind.Choice, ["Owner", "Roles", "Users"]),
        new("Roles", "Roles (when the recipients are roles)", ActivityPropertyKind.Roles),
        new("InBranch", "Only in the item's branch", ActivityPropertyKind.Flag),
        new("Users", "User names (one a line, when the recipients are users)", ActivityPropertyKind.Lines),
        new("Subject", "Subject (Liquid)", ActivityPropertyKind.Liquid),
        new("Body", "Body (Liquid)", ActivityPropertyKind.MultilineLiquid),
    ];

    public override async Task<IReadOnlyList<string>> ExecuteAsync(ActivityContext context)
    {
        var activity = context.Activity;
        var workflow = context.Workflow;
        var subject = await WorkflowExpressions.RenderAsync(activity.Text("Subject"), workflow);
        var body = await WorkflowExpressions.RenderAsync(activity.Text("Body"), workflow);
        var url = workflow.ContentItem is { } item ? $"/admin/contents/{item.ContentItemId}/edit" : "/admin/inbox";
        var message = new NotificationMessage(subject.Length > 0 ? subject : activity.Title, body, url);
        switch (activity.Text("Recipients"))
        {
            case "Owner":
                if (workflow.ContentItem is { } owned)
                {
                    await notifier.NotifyAsync(NotificationRecipients.OwnerOf(owned), message);
                }

                break;
            case "Roles":
                foreach (var role in activity.List("Roles"))
                {
                    await notifier.NotifyAsync(activity.Flag("InBranch") && workflow.Instance.BranchId is { } branch
                        ? NotificationRecipients.InRole(role, branch)
                        : NotificationRecipients.InRole(role), message);
                }

                break;
            case "Users":
                await notifier.NotifyAsync(NotificationRecipients.Users([.. activity.List("Users")]), message);
                break;
            default:
                throw new WorkflowFaultException("NotifyUsersTask: Recipients must be Owner, Roles or Users.");
        }

        return Done;
    }
}
