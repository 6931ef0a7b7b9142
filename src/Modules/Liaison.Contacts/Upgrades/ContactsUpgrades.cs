using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Upgrades;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>
/// Step 2 (issue 15, item 3): contact assignments are records, not publishable content — the Contact type is no longer
/// Listable, so 全部内容 leaves them out; they open at /admin/contacts/{id} inside 联系对象.
/// </summary>
internal sealed class UnlistContact : IUpgradeStep
{
    public int Number => 2;

    public string Description => "Contact assignments are records: the Contact type is not listed in all content";

    public async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        var definitions = context.Services.GetRequiredService<IContentDefinitionManager>();
        if (await definitions.GetTypeAsync(Security.ContactAccessScope.ContentType) is not { } type)
        {
            return;
        }

        var settings = type.TypeSettings;
        settings.Listable = false;
        type.Settings.SetSettings(settings);
        await definitions.StoreTypeAsync(type);
    }
}
