using LiaisonSite.Core.Upgrades;

namespace Liaison.Reports.Upgrades;

/// <summary>Step 1: the QuarterlyReport type and the module's default grants.</summary>
internal sealed class CreateReport : IUpgradeStep
{
    public int Number => 1;

    public string Description => "QuarterlyReport type and default grants";

    public async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        await context.RunRecipeAsync(typeof(CreateReport).Assembly, "Upgrades.Report.recipe.json", cancellationToken);
        await context.GrantAsync(new Permissions().GetDefaultGrants());
    }
}
