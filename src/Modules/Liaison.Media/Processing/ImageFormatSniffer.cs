namespace Liaison.Media.Processing;

/// <summary>The image formats the library accepts, recognised by their first bytes (never by name or Content-Type).</summary>
internal enum SniffedFormat
{
    Jpeg,
    Png,
    Gif,
    WebP,
}

internal static class ImageFormatSniffer
{
    private static readonly byte[] _png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format the magic number announces, or null for anything else (executables, text, SVG …).</summary>
    public static SniffedFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return SniffedFormat.Jpeg;
        }

        if (bytes.StartsWith(_png))
        {
            return SniffedFormat.Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return SniffedFormat.Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SniffedFormat.WebP;
        }

        return null;
    }
}
