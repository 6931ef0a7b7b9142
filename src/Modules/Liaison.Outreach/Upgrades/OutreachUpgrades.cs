using LiaisonSite.Core.Upgrades;

namespace Liaison.Outreach.Upgrades;

/// <summary>Step 1: the Forum, ReceptionDay and Briefing types and the module's default grants.</summary>
internal sealed class CreateOutreachTypes : IUpgradeStep
{
    public int Number => 1;

    public string Description => "Forum, ReceptionDay and Briefing types and default grants";

    public async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        await context.RunRecipeAsync(typeof(CreateOutreachTypes).Assembly, "Upgrades.Outreach.recipe.json", cancellationToken);
        await context.GrantAsync(new Permissions().GetDefaultGrants());
    }
}
