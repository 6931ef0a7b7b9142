using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;

namespace Liaison.Contents.Upgrades;

/// <summary>
/// Step 2: whether a type is public is now the Anonymous role's view permission (Orchard's way, issue 16), so a site set
/// up before gets <c>Contents.View</c> for Anonymous: every page public before stays public. Securable types stay
/// private (<c>Contents.ViewSecurable</c> is not granted).
/// </summary>
internal sealed class GrantPublicView : IUpgradeStep
{
    public int Number => 2;

    public string Description => "Contents.View for Anonymous (public pages)";

    public Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
        => context.GrantAsync([new(RoleNames.Anonymous, Permissions.View)]);
}
