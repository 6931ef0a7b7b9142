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

/// <summary>
/// Step 2: the <c>quarterly-report-review</c> workflow starts (and resumes) on the hand-in signal
/// (<c>QuarterlyReportHandedIn</c>) rather than on every saved draft, so a member can keep a draft. The stored type is
/// replaced by id with the setup recipe's; the activity ids are unchanged, so instances halted on the old revision
/// event resume at the next hand-in.
/// </summary>
internal sealed class HandInStartsReview : IUpgradeStep
{
    public int Number => 2;

    public string Description => "Quarterly report review starts on the hand-in, not on every saved draft";

    public Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
        => context.RunRecipeAsync(typeof(HandInStartsReview).Assembly, "Upgrades.ReportReview.recipe.json", cancellationToken);
}

/// <summary>Step 3: the committee sets the report deadline and the liaison score rule (Reports.Settings).</summary>
internal sealed class GrantReportSettings : IUpgradeStep
{
    public int Number => 3;

    public string Description => "Reports.Settings for the committee";

    public Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
        => context.GrantAsync([new(LiaisonSite.Core.Security.RoleNames.CommitteeAdmin, Permissions.ManageSettings)]);
}
