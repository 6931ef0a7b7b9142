using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Settings;
using Microsoft.Extensions.Localization;

namespace Liaison.Admin.Recipes;

/// <summary>
/// {"name":"Settings","SiteName":"…","SiteDescription":"…","PageSize":10,"DefaultCulture":"zh-CN","TimeZone":"Asia/Shanghai",
/// "HomeRoute":{"Area":"OrchardCore.Contents","Controller":"Item","Action":"Display","ContentItemId":"…"}}.
/// HomeRoute is Orchard's: a content item's display becomes the site's home page ("/"), null gives "/" back to the
/// school's home page, and a route to anything but a content item is reported. Properties it does not know (Orchard
/// writes many: LayerSettings …) are not applied and are listed in the recipe's report; a bad value fails the recipe.
/// </summary>
internal sealed class SettingsStep(ISiteService site, IStringLocalizer<SettingsStep> S) : IRecipeStepHandler
{
    private static readonly string[] s_cultures = ["zh-CN", "en-US"];
    private static readonly string[] s_known = ["name", "SiteName", "SiteDescription", "PageSize", "DefaultCulture", "TimeZone", "HomeRoute"];

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

        if (step.Any(p => IsHomeRoute(p.Key)))
        {
            ApplyHomeRoute(context, settings, step.GetProperty("HomeRoute"));
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

    private static bool IsHomeRoute(string key) => string.Equals(key, "HomeRoute", StringComparison.OrdinalIgnoreCase);

    private void ApplyHomeRoute(RecipeStepContext context, SiteSettings settings, JsonNode? homeRoute)
    {
        if (homeRoute is null)
        {
            settings.HomeContentItemId = null;
            context.Applied(S["Settings: HomeRoute is empty; the school's own home page is served at \"/\"."]);
            return;
        }

        if (homeRoute is not JsonObject route)
        {
            throw new RecipeException(S["Settings: \"HomeRoute\" must be an object with a \"ContentItemId\", or null."]);
        }

        if (route.GetString("ContentItemId")?.Trim() is not { Length: > 0 } id)
        {
            // Orchard can send "/" to any controller action; this site serves a content item there or its own home.
            context.Dropped(S["Settings: HomeRoute names no content item ({0}); \"/\" stays as it was.", route.ToJsonString()]);
            return;
        }

        if (id.Length > 26)
        {
            throw new RecipeException(S["Settings: the HomeRoute's ContentItemId '{0}' is longer than 26 characters.", id]);
        }

        settings.HomeContentItemId = id;
        context.Applied(S["Settings: HomeRoute: the content item '{0}' is served at \"/\" (the site's home page) once it is published.", id]);
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
