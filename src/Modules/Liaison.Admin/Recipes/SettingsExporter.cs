using System.Text.Json.Nodes;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Settings;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin.Recipes;

/// <summary>The site settings a <see cref="SettingsStep"/> reads back (not the setup date: the target is set up anew).</summary>
internal sealed class SettingsExporter(ISiteService site, IStringLocalizer<SettingsExporter> S) : IRecipeStepExporter
{
    public string Key => "settings";

    public string DisplayName => S["Site settings"];

    public int Order => 300;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var settings = await site.GetSettingsAsync();
        var step = new JsonObject
        {
            ["name"] = "Settings",
            ["SiteName"] = settings.SiteName,
            ["PageSize"] = settings.PageSize,
            ["DefaultCulture"] = settings.DefaultCulture,
            ["TimeZone"] = settings.TimeZone,
        };
        if (settings.SiteDescription is not null)
        {
            step["SiteDescription"] = settings.SiteDescription;
        }

        if (settings.HomeContentItemId is { Length: > 0 } home)
        {
            // Orchard's shape, so that an Orchard Core site set up from this export serves the same item at "/".
            step["HomeRoute"] = new JsonObject
            {
                ["Area"] = "OrchardCore.Contents",
                ["Controller"] = "Item",
                ["Action"] = "Display",
                ["ContentItemId"] = home,
            };
        }

        return [step];
    }
}
