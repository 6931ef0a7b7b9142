using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Upgrades;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Publicity.Upgrades;

/// <summary>
/// Step 1 (issue 15, item 6): on a site set up from an older recipe, the two 推荐 flags (TypicalExample's 在首页推荐 and
/// ExemplaryMember's 在“典型人物”栏目靠前展示, both the boolean field Featured) become Editorial, so their public pages
/// stop showing "在首页推荐 是". A new site gets them from its recipe; a site without these types has nothing to change.
/// </summary>
internal sealed class MarkEditorialFlags : IUpgradeStep
{
    public int Number => 1;

    public string Description => "The recommended flags of typical examples and exemplary members are editorial (not shown publicly)";

    public async Task RunAsync(UpgradeContext context, CancellationToken cancellationToken)
    {
        var definitions = context.Services.GetRequiredService<IContentDefinitionManager>();
        foreach (var partName in new[] { PublicTypes.TypicalExample, PublicTypes.ExemplaryMember })
        {
            if (await definitions.GetPartAsync(partName) is not { } part)
            {
                continue;
            }

            var changed = false;
            foreach (var field in part.Fields.Where(f => f.Name == "Featured" && f.FieldName == "BooleanField"))
            {
                if (field.Settings["BooleanFieldSettings"] is not JsonObject settings)
                {
                    settings = [];
                    field.Settings["BooleanFieldSettings"] = settings;
                }

                if (settings["Editorial"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
                {
                    settings["Editorial"] = true;
                    changed = true;
                }
            }

            if (changed)
            {
                await definitions.StorePartAsync(part);
            }
        }
    }
}
