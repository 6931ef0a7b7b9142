using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Media;

/// <summary>The demo site with a small upload limit, so that "too large" needs only a few hundred kilobytes.</summary>
public sealed class MediaSiteFactory() : SiteFactory("liaison-demo")
{
    public const long MaxUploadBytes = 300_000;

    public string MediaRoot => Path.Combine(AppData, "Media");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Media:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
