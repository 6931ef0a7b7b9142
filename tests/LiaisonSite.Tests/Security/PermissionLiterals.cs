using System.Text.RegularExpressions;
using LiaisonSite.Tests.Quality;

namespace LiaisonSite.Tests.Security;

/// <summary>Permission names written as string literals in the source: [RequirePermission("…")], HasPermissionAsync(…, "…"), PolicyPrefix + "…".</summary>
internal static partial class PermissionLiterals
{
    public static IEnumerable<(string Name, string Where)> InSource()
        => SourceTree.Files("src", ".cs", ".cshtml").SelectMany(f => In(File.ReadAllText(f)).Select(n => (n, SourceTree.Relative(f))));

    public static IEnumerable<string> In(string text)
        => Pattern().Matches(text).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"(?:RequirePermission\(\s*|HasPermissionAsync\([^,()]+,\s*|PolicyPrefix\s*\+\s*)""(?<name>[A-Za-z][\w.]*)""")]
    private static partial Regex Pattern();
}
