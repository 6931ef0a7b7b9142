using System.Text.RegularExpressions;

namespace Liaison.Media.Storage;

/// <summary>
/// Paths inside the media library ("2026/11/abc.jpg"). Only lower-risk characters are allowed in each segment, so a
/// path can never climb out of the library ("..", absolute paths, backslashes, encoded separators).
/// </summary>
internal static partial class MediaPaths
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
    };

    /// <summary>True when <paramref name="path"/> is a well-formed image path inside the library.</summary>
    public static bool IsValid(string? path)
        => !string.IsNullOrEmpty(path) && path.Length <= 300 && path.Split('/').All(s => Segment().IsMatch(s))
            && ContentTypes.ContainsKey(Path.GetExtension(path));

    /// <summary>The file of a valid path under <paramref name="root"/>, or null (also when it would resolve outside).</summary>
    public static string? Resolve(string root, string? path)
    {
        if (!IsValid(path))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, path!));
        var prefix = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>"2026/11/abc.jpg" → "2026/11/abc-800.jpg".</summary>
    public static string Variant(string path, int width)
    {
        var ext = Path.GetExtension(path);
        return path[..^ext.Length] + "-" + width + ext;
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex Segment();
}
