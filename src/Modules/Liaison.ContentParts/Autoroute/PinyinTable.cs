using System.Globalization;

namespace Liaison.ContentParts.Autoroute;

/// <summary>
/// The most common toneless pinyin reading of each CJK Unified Ideograph (U+4E00–U+9FFF and Extension A), from the
/// table the build writes with pinyin-pro (build/pinyin-table.mjs) and embeds: blocks of a "FIRST LAST" line (hex)
/// and a line of space-separated readings, "-" where there is none.
/// </summary>
internal static class PinyinTable
{
    private const string ResourceName = "Liaison.ContentParts.Pinyin.txt";
    private static readonly Lazy<IReadOnlyList<Block>> s_blocks = new(Load);

    /// <summary>The reading (a–z, ü written v), or null for a character the table does not know.</summary>
    public static string? Reading(int codePoint)
    {
        foreach (var block in s_blocks.Value)
        {
            if (codePoint >= block.First && codePoint < block.First + block.Readings.Length)
            {
                return block.Readings[codePoint - block.First];
            }
        }

        return null;
    }

    private static List<Block> Load()
    {
        using var stream = typeof(PinyinTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded pinyin table '{ResourceName}' is missing: the build writes it (build/pinyin-table.mjs).");
        using var reader = new StreamReader(stream);
        var syllables = new Dictionary<string, string>(StringComparer.Ordinal); // ~400 distinct readings, shared
        var blocks = new List<Block>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var range = line.Split(' ');
            var first = int.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var last = int.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var readings = (reader.ReadLine() ?? "").Split(' ');
            if (readings.Length != last - first + 1)
            {
                throw new InvalidOperationException($"The pinyin table's block {range[0]}–{range[1]} has {readings.Length} readings.");
            }

            blocks.Add(new(first, readings.Select(r => r == "-" ? null : Share(syllables, r)).ToArray()));
        }

        return blocks;
    }

    private static string Share(Dictionary<string, string> syllables, string reading)
    {
        if (!syllables.TryGetValue(reading, out var shared))
        {
            syllables[reading] = shared = reading;
        }

        return shared;
    }

    private sealed record Block(int First, string?[] Readings);
}
