using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;

namespace Liaison.Notices.Upgrades;

/// <summary>Step 1: the PublicNotice type and the objection-handling grants (what the setup recipe gave before issue 9).</summary>
internal sealed class CreatePublicNotice : IUpgradeStep
{
    public int Number => 1;

    public string Description => "PublicNotice type and default grants";

    public bool Baseline => true;

    public async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        await context.RunRecipeAsync(typeof(CreatePublicNotice).Assembly, "Upgrades.PublicNotice.recipe.json", cancellationToken);
        await context.GrantAsync(new Permissions().GetDefaultGrants());
    }
}

/// <summary>Step 2: members no longer handle objections on existing sites either (issue 8 took it from new sites).</summary>
internal sealed class MembersDoNotHandleObjections : IUpgradeStep
{
    public int Number => 2;

    public string Description => "Member no longer holds Notices.HandleObjections";

    public Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
        => context.RevokeAsync(RoleNames.Member, Permissions.HandleObjections);
}
