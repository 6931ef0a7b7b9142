using LiaisonSite.Core.Data;

namespace LiaisonSite.Core.Settings;

/// <summary>Site-wide settings, stored as one document; the "Settings" recipe step writes them.</summary>
public sealed class SiteSettings
{
    public string SiteName { get; set; } = "";

    public string? SiteDescription { get; set; }

    public string DefaultCulture { get; set; } = "zh-CN";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public int PageSize { get; set; } = 10;

    /// <summary>
    /// The content item served at "/" (Orchard's HomeRoute, set by an item's AutoroutePart "SetHomepage" or a Settings
    /// step's HomeRoute), by ContentItemId; null keeps the school's own home page. An item that is not published or not
    /// public leaves "/" to the school's home page too.
    /// </summary>
    public string? HomeContentItemId { get; set; }

    /// <summary>Set once setup has run; until then every request goes to the setup page.</summary>
    public DateTime? SetupCompletedUtc { get; set; }

    public string? SetupRecipe { get; set; }
}

public interface ISiteService
{
    Task<SiteSettings> GetSettingsAsync();

    Task UpdateSettingsAsync(SiteSettings settings);
}

internal sealed class SiteService(IDocumentStore documents) : ISiteService
{
    public const string DocumentKey = "SiteSettings";

    public Task<SiteSettings> GetSettingsAsync() => documents.GetAsync<SiteSettings>(DocumentKey);

    public Task UpdateSettingsAsync(SiteSettings settings) => documents.SaveAsync(DocumentKey, settings);
}
