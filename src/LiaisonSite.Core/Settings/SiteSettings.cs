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
