using LiaisonSite.Core.Security;

namespace Liaison.Workflows;

internal sealed class Permissions : IPermissionProvider
{
    /// <summary>Workflow types and instances (/admin/workflows): no role by default, so administrators only.</summary>
    public const string ManageName = "Workflows.Manage";

    public static readonly Permission Manage = new(ManageName, "Manage workflows", "Workflows");

    /// <summary>Without it, a user task is offered only in the branches the user is secretary of.</summary>
    public static readonly Permission DecideAllBranches = new("Workflows.DecideAllBranches", "Decide tasks of every branch", "Workflows");

    /// <summary>Publish a type under review directly, whatever the site setting says.</summary>
    public static readonly Permission PublishWithoutReview = new("Workflows.PublishWithoutReview", "Publish reviewed content without review", "Workflows");

    public IEnumerable<Permission> GetPermissions() => [Manage, DecideAllBranches, PublishWithoutReview];

    public IEnumerable<DefaultRoleGrant> GetDefaultGrants() =>
    [
        new(RoleNames.CommitteeAdmin, DecideAllBranches, PublishWithoutReview),
    ];
}
