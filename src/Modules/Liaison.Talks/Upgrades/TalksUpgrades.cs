using LiaisonSite.Core.Upgrades;

namespace Liaison.Talks.Upgrades;

/// <summary>Step 1: the Talk type and the module's default grants.</summary>
internal sealed class CreateTalk : IUpgradeStep
{
    public int Number => 1;

    public string Description => "Talk type and default grants";

    public async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        await context.RunRecipeAsync(typeof(CreateTalk).Assembly, "Upgrades.Talk.recipe.json", cancellationToken);
        await context.GrantAsync(new Permissions().GetDefaultGrants());
    }
}
