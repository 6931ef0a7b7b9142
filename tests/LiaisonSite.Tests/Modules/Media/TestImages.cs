using System.Text;
using SkiaSharp;

namespace LiaisonSite.Tests.Modules.Media;

/// <summary>Images built in memory for the media tests.</summary>
internal static class TestImages
{
    public const string SecretInExif = "GPS-SECRET-31.2304N-121.4737E";

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, new SKPaint { Color = SKColors.Gold });
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }

    /// <summary>The JPEG with an EXIF APP1 segment (image description and a GPS IFD) right after its SOI marker.</summary>
    public static byte[] WithExif(byte[] jpeg)
    {
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(BitConverter.GetBytes(8u));
        var description = Encoding.ASCII.GetBytes(SecretInExif + "\0");
        // IFD0 at 8: ImageDescription (ASCII, at 56) and the GPS IFD pointer (at 38).
        tiff.AddRange(BitConverter.GetBytes((ushort)2));
        tiff.AddRange(Entry(0x010E, 2, (uint)description.Length, 56));
        tiff.AddRange(Entry(0x8825, 4, 1, 38));
        tiff.AddRange(BitConverter.GetBytes(0u));
        // GPS IFD at 38: GPSLatitudeRef = "N".
        tiff.AddRange(BitConverter.GetBytes((ushort)1));
        tiff.AddRange(Entry(0x0001, 2, 2, BitConverter.ToUInt32("N\0\0\0"u8)));
        tiff.AddRange(BitConverter.GetBytes(0u));
        tiff.AddRange(description);

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>The markers of the JPEG's header segments, up to the start of the scan.</summary>
    public static List<byte> SegmentMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF && jpeg[i + 1] != 0xDA)
        {
            markers.Add(jpeg[i + 1]);
            i += 2 + (jpeg[i + 2] << 8 | jpeg[i + 3]);
        }

        return markers;
    }

    /// <summary>
    /// A PNG that announces <paramref name="width"/> × <paramref name="height"/> pixels in its header and carries almost
    /// no pixel data: a few hundred bytes that a decoder would turn into width × height × 4 bytes of memory.
    /// </summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new List<byte>();
        ihdr.AddRange(BigEndian((uint)width));
        ihdr.AddRange(BigEndian((uint)height));
        ihdr.AddRange([8, 6, 0, 0, 0]); // 8 bits, RGBA, deflate, no filter, no interlace
        byte[] idat = [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]; // zlib of a couple of zero bytes
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", [.. ihdr]), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        return [.. BigEndian((uint)data.Length), .. typed, .. BigEndian(Crc32(typed))];
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    private static IEnumerable<byte> Entry(ushort tag, ushort type, uint count, uint value)
        => [.. BitConverter.GetBytes(tag), .. BitConverter.GetBytes(type), .. BitConverter.GetBytes(count), .. BitConverter.GetBytes(value)];
}
