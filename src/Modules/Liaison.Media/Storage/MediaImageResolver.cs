using Liaison.ContentParts.Fields;
using Liaison.Media.Processing;
using Microsoft.Extensions.Caching.Memory;
using SkiaSharp;

namespace Liaison.Media.Storage;

/// <summary>Reads an image's size from its header and lists its variants; cached briefly since pages render often.</summary>
internal sealed class MediaImageResolver(MediaOptions options, IMemoryCache cache) : IMediaImageResolver
{
    public MediaImageInfo? Find(string path)
        => cache.GetOrCreate("Liaison.Media:" + path, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            entry.Size = 1;
            return Read(path);
        });

    private MediaImageInfo? Read(string path)
    {
        var file = MediaPaths.Resolve(options.Root, path);
        if (file is null || !File.Exists(file))
        {
            return null;
        }

        using var codec = SKCodec.Create(file);
        if (codec is null)
        {
            return null;
        }

        var variants = new List<MediaImageVariant>();
        foreach (var edge in ImageProcessor.VariantEdges.Reverse())
        {
            var variant = MediaPaths.Variant(path, edge);
            if (File.Exists(MediaPaths.Resolve(options.Root, variant)))
            {
                var scale = (double)edge / Math.Max(codec.Info.Width, codec.Info.Height);
                variants.Add(new MediaImageVariant(variant, (int)Math.Round(codec.Info.Width * Math.Min(1, scale))));
            }
        }

        return new MediaImageInfo(codec.Info.Width, codec.Info.Height, variants);
    }
}
