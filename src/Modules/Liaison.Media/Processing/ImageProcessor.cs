using SkiaSharp;

namespace Liaison.Media.Processing;

/// <summary>An image as the library stores it: the main file and its smaller variants, all freshly encoded.</summary>
internal sealed record ProcessedImage(string Extension, int Width, int Height, byte[] Bytes, IReadOnlyList<ImageVariant> Variants);

/// <summary>A smaller copy whose long edge is at most <see cref="Edge"/>; its file name ends in "-{Edge}".</summary>
internal sealed record ImageVariant(int Edge, int Width, int Height, byte[] Bytes);

/// <summary>Why an image was refused; the message is a localizer key (with its arguments) shown to the user.</summary>
internal sealed class ImageRejectedException(string reason, params object[] arguments) : Exception(reason)
{
    public object[] Arguments { get; } = arguments;
}

/// <summary>
/// Decodes an upload and encodes it again from its pixels. Only pixels survive, so EXIF, GPS, XMP, comments and any
/// payload hidden after the image data are dropped. The long edge is capped and smaller variants feed srcset.
/// </summary>
internal static class ImageProcessor
{
    public const int MaxEdge = 1600;

    public static readonly int[] VariantEdges = [800, 400];

    /// <summary>Default of Liaison:Media:MaxPixels: refuses "decompression bombs", a small file that would need gigabytes of pixels.</summary>
    public const long DefaultMaxPixels = 40_000_000;

    private const int JpegQuality = 82;

    /// <summary>
    /// Reads only the header (type from the magic bytes, then width and height) and refuses an image whose pixels
    /// would not fit the limit, before a single pixel is decoded.
    /// </summary>
    public static (int Width, int Height) CheckHeader(byte[] data, long maxPixels = DefaultMaxPixels)
    {
        if (ImageFormatSniffer.Sniff(data) is null)
        {
            throw new ImageRejectedException("The file is not a JPEG, PNG, GIF or WebP image.");
        }

        using var codec = SKCodec.Create(new MemoryStream(data)) ?? throw new ImageRejectedException("The image could not be read.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            throw new ImageRejectedException("The image could not be read.");
        }

        if ((long)width * height > maxPixels)
        {
            throw new ImageRejectedException("The image is {0} × {1} pixels; images may have at most {2} million pixels.",
                width, height, Math.Round(maxPixels / 1_000_000.0, 1));
        }

        return (width, height);
    }

    /// <param name="extension">"jpg", "png" or "webp" to force the output format; null picks JPEG, or PNG for images with transparency.</param>
    /// <remarks>Decodes the whole image: call it through <see cref="ImageDecodeGate"/>, which limits how many run at once.</remarks>
    public static ProcessedImage Process(byte[] data, string? extension = null, long maxPixels = DefaultMaxPixels)
    {
        CheckHeader(data, maxPixels);
        using var codec = SKCodec.Create(new MemoryStream(data)) ?? throw new ImageRejectedException("The image could not be read.");

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new ImageRejectedException("The image could not be read.");
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var ext = extension ?? (codec.Info.AlphaType == SKAlphaType.Opaque ? "jpg" : "png");
        var format = FormatOf(ext);
        using var main = Fit(upright, MaxEdge);
        var variants = VariantEdges
            .Where(edge => Math.Max(main.Width, main.Height) > edge)
            .Select(edge =>
            {
                using var small = Fit(main, edge);
                return new ImageVariant(edge, small.Width, small.Height, Encode(small, format));
            })
            .ToList();
        return new ProcessedImage(ext, main.Width, main.Height, Encode(main, format), variants);
    }

    public static SKEncodedImageFormat FormatOf(string extension) => extension.ToLowerInvariant() switch
    {
        "jpg" or "jpeg" => SKEncodedImageFormat.Jpeg,
        "png" => SKEncodedImageFormat.Png,
        "webp" => SKEncodedImageFormat.Webp,
        _ => throw new ImageRejectedException("Images are stored as .jpg, .png or .webp files."),
    };

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        var pixels = format == SKEncodedImageFormat.Jpeg ? Flatten(bitmap) : bitmap;
        try
        {
            using var image = SKImage.FromBitmap(pixels);
            using var data = image.Encode(format, JpegQuality) ?? throw new ImageRejectedException("The image could not be read.");
            return data.ToArray();
        }
        finally
        {
            if (!ReferenceEquals(pixels, bitmap))
            {
                pixels.Dispose();
            }
        }
    }

    /// <summary>JPEG has no transparency: paint the image on white so transparent areas do not turn black.</summary>
    private static SKBitmap Flatten(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque)
        {
            return bitmap;
        }

        var flat = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(flat);
        canvas.Clear(SKColors.White);
        canvas.DrawBitmap(bitmap, 0, 0);
        return flat;
    }

    /// <summary>A copy whose long edge is at most <paramref name="edge"/> (never enlarged).</summary>
    private static SKBitmap Fit(SKBitmap source, int edge)
    {
        var scale = Math.Min(1.0, (double)edge / Math.Max(source.Width, source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        return source.Resize(new SKImageInfo(width, height, source.ColorType, source.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new ImageRejectedException("The image could not be read.");
    }

    /// <summary>Applies the EXIF orientation to the pixels, since the EXIF block that carried it is dropped.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var width = swap ? source.Height : source.Width;
        var height = swap ? source.Width : source.Height;
        var rotated = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(rotated);
        canvas.Translate(width / 2f, height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return rotated;
    }
}
