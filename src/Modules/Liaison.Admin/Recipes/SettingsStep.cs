using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Settings;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin.Recipes;

/// <summary>
/// {"name":"Settings","SiteName":"…","SiteDescription":"…","PageSize":10,"DefaultCulture":"zh-CN","TimeZone":"Asia/Shanghai"}.
/// Properties it does not know (Orchard writes many: HomeRoute, LayerSettings …) are not applied and are listed in the
/// recipe's report; a bad value fails the recipe.
/// </summary>
internal sealed class SettingsStep(ISiteService site, IStringLocalizer<SettingsStep> S) : IRecipeStepHandler
{
    private static readonly string[] s_cultures = ["zh-CN", "en-US"];
    private static readonly string[] s_known = ["name", "SiteName", "SiteDescription", "PageSize", "DefaultCulture", "TimeZone"];

    public string Name => "Settings";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        var step = context.Step;
        var settings = await site.GetSettingsAsync();
        if (step.GetProperty("SiteName") is not null)
        {
            settings.SiteName = step.GetString("SiteName")?.Trim() is { Length: > 0 and <= 100 } name
                ? name
                : throw new RecipeException(S["Settings: \"SiteName\" must have 1 to 100 characters."]);
        }

        if (step.GetProperty("SiteDescription") is not null)
        {
            settings.SiteDescription = step.GetString("SiteDescription");
        }

        if (step.GetProperty("PageSize") is { } pageSize)
        {
            settings.PageSize = ReadInt(pageSize) is { } size and >= 1 and <= 100
                ? size
                : throw new RecipeException(S["Settings: \"PageSize\" must be a whole number from 1 to 100, not {0}.", pageSize.ToJsonString()]);
        }

        if (step.GetString("DefaultCulture") is { } culture)
        {
            settings.DefaultCulture = s_cultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase))
                ?? throw new RecipeException(S["Settings: unknown \"DefaultCulture\" '{0}'; use zh-CN or en-US.", culture]);
        }

        if (step.GetString("TimeZone") is { } zone)
        {
            settings.TimeZone = LiaisonSite.Core.Time.SchoolTimeZones.IsKnown(zone)
                ? zone
                : throw new RecipeException(S["Settings: unknown \"TimeZone\" '{0}'.", zone]);
        }

        await site.UpdateSettingsAsync(settings);
        foreach (var (key, _) in step)
        {
            if (!s_known.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                context.Dropped(S["Settings: '{0}' is not a setting of this site; it was not applied.", key]);
            }
        }
    }

    // Orchard's recipes write numbers either as numbers or as strings ("10").
    private static int? ReadInt(JsonNode node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue<int>(out var n) => n,
            JsonValueKind.String when int.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        }
        : null;
}
