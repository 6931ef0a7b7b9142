using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using Liaison.Workflows.Engine;
using LiaisonSite.Core.Notifications;
using LiaisonSite.Core.Security;
using Microsoft.Extensions.Localization;

namespace Liaison.Workflows.Activities;

/// <summary>
/// A decision by a person (Orchard's UserTaskEvent): "Actions" are its outcomes (通过 / 退回), "Roles" who may decide,
/// within the item's branch; "CommentRequiredFor" the actions that need a comment. Reaching it opens a task in the
/// deciders' inbox and tells them; a decision resumes it with the chosen action.
/// </summary>
internal sealed class UserTaskEvent(TimeProvider time, INotifier notifier, IPermissionService permissions, IStringLocalizer<UserTaskEvent> S)
    : WorkflowActivity
{
    public const string ActivityName = "UserTaskEvent";
    public const string ActivityIdInput = "ActivityId";
    public const string ActionInput = "Action";
    public const string CommentInput = "Comment";

    public override string Name => ActivityName;

    public override bool IsEvent => true;

    public override string DisplayName => "User task (decision)";

    public override IReadOnlyList<ActivityProperty> EditableProperties { get; } =
    [
        new("Actions", "Actions (one a line; each is an outcome)", ActivityPropertyKind.Lines),
        new("Roles", "Roles who decide (within the item's branch)", ActivityPropertyKind.Roles),
        new("CommentRequiredFor", "Actions that need a comment (one a line)", ActivityPropertyKind.Lines),
    ];

    public override IReadOnlyList<string> Outcomes(ActivityRecord activity) => activity.List("Actions");

    /// <summary>Only a decision on this very task resumes it (never a generic event).</summary>
    public override bool CanHandle(ActivityRecord activity, WorkflowEvent workflowEvent)
        => workflowEvent[ActivityIdInput] == activity.ActivityId && activity.List("Actions").Contains(workflowEvent[ActionInput] ?? "", StringComparer.Ordinal);

    public override Task<IReadOnlyList<string>> ResumeAsync(ActivityContext context)
    {
        var action = context.Event?[ActionInput] ?? "";
        var comment = context.Event?[CommentInput];
        context.JournalComment = string.IsNullOrWhiteSpace(comment) ? null : comment;
        var state = context.Workflow.State;
        state[WorkflowState.LastOutcome] = action;
        state[WorkflowState.LastComment] = comment ?? "";
        state[WorkflowState.LastUser] = context.ActorUserName ?? "";
        return Task.FromResult<IReadOnlyList<string>>([action]);
    }

    public override async Task BlockedAsync(ActivityContext context)
    {
        var instance = context.Workflow.Instance;
        var item = context.Workflow.ContentItem;
        var roles = context.Activity.List("Roles");
        instance.Tasks.Add(new WorkflowTask
        {
            ActivityId = context.Activity.ActivityId,
            Title = Cut(item?.DisplayText is { Length: > 0 } text ? text : context.Activity.Title, 300),
            ContentItemId = item?.ContentItemId,
            ContentType = item?.ContentType,
            Owner = instance.Owner ?? item?.Owner,
            BranchId = instance.BranchId,
            Roles = WorkflowTask.RoleList(roles),
            Actions = string.Join('\n', context.Activity.List("Actions")),
            CommentRequiredFor = string.Join('\n', context.Activity.List("CommentRequiredFor")),
            Status = WorkflowTaskStatus.Open,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        });

        var message = new NotificationMessage(
            S["Waiting for your decision: {0}", context.Activity.Title],
            S["\"{0}\" waits for your decision in the task inbox.", item?.DisplayText ?? context.Activity.Title],
            "/admin/inbox");
        // Told as the inbox offers it: the role's holders in the item's branch, or all of them when the role decides in
        // every branch (Workflows.DecideAllBranches: the committee), wherever their own member record is; a task without
        // a branch only to the latter.
        foreach (var role in roles.Where(r => !RoleNames.IsSystem(r)))
        {
            if (await DecidesInEveryBranchAsync(role))
            {
                await notifier.NotifyAsync(NotificationRecipients.InRole(role), message);
            }
            else if (instance.BranchId is { } branch)
            {
                await notifier.NotifyAsync(NotificationRecipients.InRole(role, branch), message);
            }
        }
    }

    private Task<bool> DecidesInEveryBranchAsync(string role)
        => permissions.HasPermissionAsync(
            new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, role)], "role")),
            Permissions.DecideAllBranches);

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}
