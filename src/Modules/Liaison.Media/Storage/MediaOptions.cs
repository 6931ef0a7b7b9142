using LiaisonSite.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Liaison.Media.Storage;

/// <summary>Liaison:Media:Path (default {Liaison:AppData}/Media) and Liaison:Media:MaxUploadBytes (default 10 MB).</summary>
public sealed class MediaOptions
{
    public const long DefaultMaxUploadBytes = 10 * 1024 * 1024;

    public required string Root { get; init; }

    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    internal static MediaOptions From(IConfiguration configuration, LiaisonOptions liaison)
    {
        var section = configuration.GetSection("Liaison:Media");
        var path = section["Path"];
        var max = section.GetValue<long?>("MaxUploadBytes");
        return new MediaOptions
        {
            Root = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? Path.Combine(liaison.AppData, "Media") : path, liaison.AppData),
            MaxUploadBytes = max is > 0 ? max.Value : DefaultMaxUploadBytes,
        };
    }
}
