using LiaisonSite.Core.Upgrades;

namespace Liaison.Contacts.Upgrades;

/// <summary>Step 1: the Contact type and the module's default grants (what the setup recipe gave before issue 9).</summary>
internal sealed class CreateContact : IUpgradeStep
{
    public int Number => 1;

    public string Description => "Contact type and default grants";

    public bool Baseline => true;

    public async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        await context.RunRecipeAsync(typeof(CreateContact).Assembly, "Upgrades.Contact.recipe.json", cancellationToken);
        await context.GrantAsync(new Permissions().GetDefaultGrants());
    }
}
