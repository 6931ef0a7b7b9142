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

/// <summary>Step 2: a forum's photos (issue 10), a media field on the Forum type, on existing sites too.</summary>
internal sealed class ForumPhotos : IUpgradeStep
{
    public int Number => 2;

    public string Description => "Photos of a forum";

    public Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
        => context.RunRecipeAsync(typeof(ForumPhotos).Assembly, "Upgrades.ForumPhotos.recipe.json", cancellationToken);
}

/// <summary>Step 3: a briefing says who may read it (everyone, or signed-in staff only); existing ones stay public.</summary>
internal sealed class BriefingAudience : IUpgradeStep
{
    public int Number => 3;

    public string Description => "Who may read a briefing";

    public Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
        => context.RunRecipeAsync(typeof(BriefingAudience).Assembly, "Upgrades.BriefingAudience.recipe.json", cancellationToken);
}
