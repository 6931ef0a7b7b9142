namespace Liaison.ContentParts.Autoroute;

/// <summary>The rules a path must follow, independent of the database.</summary>
public static class AutoroutePaths
{
    public const int MaxLength = 1024;

    /// <summary>First segments the site itself answers; an item there would be hidden or would hide a page.</summary>
    public static readonly IReadOnlySet<string> ReservedSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "api", "login", "logout", "setup", "health", "error", "examples", "news", "search", "rss",
        "sitemap.xml", "members", "notices", "media", "lib", "css", "js", "_content", "openapi", "culture", "access-denied",
    };

    private static readonly char[] s_forbidden = ['?', '#', '%', '\\', '"', '<', '>', '|', '*', ':', '\'', '`', '^', '{', '}', '[', ']'];

    /// <summary>Trims spaces and slashes at both ends; null for an empty path.</summary>
    public static string? Normalize(string? path)
    {
        var trimmed = path?.Trim().Trim('/').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    public static bool IsReserved(string path) => ReservedSegments.Contains(path.Split('/')[0]);

    /// <summary>A path made of non-empty segments without spaces, dots-only segments or URL syntax characters.</summary>
    public static bool IsWellFormed(string path)
        => path.Length <= MaxLength
            && path.IndexOfAny(s_forbidden) < 0
            && !path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            && path.Split('/').All(s => s.Length > 0 && s.Trim('.').Length > 0);
}
