using LiaisonSite.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Liaison.Media.Storage;

/// <summary>
/// Liaison:Media:Path (default {Liaison:AppData}/Media), :MaxUploadBytes (default 10 MB), :MaxPixels (default 40
/// million, checked in the header before decoding), :MaxConcurrentDecodes (default 2) and :DecodeWaitSeconds (how
/// long an upload waits for a free decode slot, default 30).
/// </summary>
public sealed class MediaOptions
{
    public const long DefaultMaxUploadBytes = 10 * 1024 * 1024;

    public required string Root { get; init; }

    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    public long MaxPixels { get; init; } = Processing.ImageProcessor.DefaultMaxPixels;

    public int MaxConcurrentDecodes { get; init; } = 2;

    public TimeSpan DecodeWait { get; init; } = TimeSpan.FromSeconds(30);

    internal static MediaOptions From(IConfiguration configuration, LiaisonOptions liaison)
    {
        var section = configuration.GetSection("Liaison:Media");
        var path = section["Path"];
        var max = section.GetValue<long?>("MaxUploadBytes");
        var pixels = section.GetValue<long?>("MaxPixels");
        var decodes = section.GetValue<int?>("MaxConcurrentDecodes");
        var wait = section.GetValue<double?>("DecodeWaitSeconds");
        return new MediaOptions
        {
            Root = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? Path.Combine(liaison.AppData, "Media") : path, liaison.AppData),
            MaxUploadBytes = max is > 0 ? max.Value : DefaultMaxUploadBytes,
            MaxPixels = pixels is > 0 ? pixels.Value : Processing.ImageProcessor.DefaultMaxPixels,
            MaxConcurrentDecodes = decodes is > 0 ? decodes.Value : 2,
            DecodeWait = wait is > 0 and < 3600 ? TimeSpan.FromSeconds(wait.Value) : TimeSpan.FromSeconds(30),
        };
    }
}
