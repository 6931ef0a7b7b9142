using System.Text.RegularExpressions;
using LiaisonSite.Core.Localization;

namespace LiaisonSite.Tests.Quality;

/// <summary>
/// Every literal UI string in the source has a Chinese translation: the site is Chinese by default, and the localizer
/// merges all modules' zh-CN.po files, so a key may be translated in any of them.
/// </summary>
public sealed partial class LocalizationCoverageTests
{
    [Fact]
    public void EveryLiteralUiString_HasAChineseTranslation()
    {
        var translated = PoFiles()
            .SelectMany(f => PoParser.Parse(File.ReadAllText(f)))
            .Where(e => !string.IsNullOrWhiteSpace(e.Value))
            .Select(e => e.Key)
            .ToHashSet(StringComparer.Ordinal);

        var missing = SourceKeys()
            .Where(k => !translated.Contains(k.Key))
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .Select(g => $"\"{g.Key}\" ({string.Join(", ", g.Select(k => k.File).Distinct())})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} UI strings have no zh-CN msgstr:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void SourceScan_FindsTheKeysItLooksFor()
    {
        // Guards the scanner itself: if the patterns stopped matching, the coverage test would pass vacuously.
        var keys = SourceKeys().Select(k => k.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Sign in", keys);
        Assert.Contains("Enter your password.", keys);
        Assert.True(keys.Count > 200, $"only {keys.Count} keys found");
    }

    [Fact]
    public void EveryPoFile_ParsesAndHasNoDuplicateMsgid()
    {
        var problems = new List<string>();
        foreach (var file in PoFiles())
        {
            var text = File.ReadAllText(file);
            var entries = PoParser.Parse(text).ToList();
            var declared = MsgidLine().Matches(text).Count - 1; // the header entry has an empty msgid
            if (entries.Count != declared)
            {
                problems.Add($"{SourceTree.Relative(file)}: {declared} msgids but {entries.Count} translated entries parsed");
            }

            problems.AddRange(entries.GroupBy(e => e.Key, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => $"{SourceTree.Relative(file)}: duplicate msgid \"{g.Key}\""));
        }

        Assert.NotEmpty(PoFiles());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<string> PoFiles()
        => SourceTree.Files("src", ".po").Where(f => Path.GetFileName(f) == "zh-CN.po");

    private static IEnumerable<(string Key, string File)> SourceKeys()
    {
        foreach (var file in SourceTree.Files("src", ".cs", ".cshtml"))
        {
            var text = File.ReadAllText(file);
            foreach (var pattern in new[] { LocalizerKey(), ErrorMessage(), DisplayName() })
            {
                foreach (Match m in pattern.Matches(text))
                {
                    yield return (Unescape(m.Groups["key"].Value), SourceTree.Relative(file));
                }
            }
        }
    }

    private static string Unescape(string value)
        => value.Replace("\\\"", "\"", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal)
            .Replace("\\\\", "\\", StringComparison.Ordinal);

    // S["…"] in C#, T["…"] in views; a plain (not interpolated, not verbatim) literal as the first argument.
    [GeneratedRegex("""(?<![\w.])[ST]\["(?<key>(?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"Display\(\s*Name\s*=\s*""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex DisplayName();

    [GeneratedRegex("""^\s*msgid\s""", RegexOptions.Multiline)]
    private static partial Regex MsgidLine();
}
