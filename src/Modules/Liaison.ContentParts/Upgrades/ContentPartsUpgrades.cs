using LiaisonSite.Core.Upgrades;

namespace Liaison.ContentParts.Upgrades;

/// <summary>
/// Step 1: the types Orchard Core's Menu module creates in its own migrations (Menu, LinkMenuItem, ContentMenuItem),
/// which Orchard's recipes use without defining them.
/// </summary>
internal sealed class CreateMenuTypes : IUpgradeStep
{
    public int Number => 1;

    public string Description => "Menu, LinkMenuItem and ContentMenuItem types (Orchard's Menu module)";

    public Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
        => context.RunRecipeAsync(typeof(CreateMenuTypes).Assembly, "Upgrades.Menus.recipe.json", cancellationToken);
}
