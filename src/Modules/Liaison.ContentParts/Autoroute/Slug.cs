using System.Globalization;
using System.Text;

namespace Liaison.ContentParts.Autoroute;

/// <summary>
/// Turns a title into a URL segment: lowercase, Chinese characters as pinyin syllables (党员联系师生 →
/// dang-yuan-lian-xi-shi-sheng, from <see cref="PinyinTable"/>), letters and digits of other scripts kept, everything
/// else a single dash, cut at a dash within <see cref="MaxLength"/> characters — short, and not percent-encoded.
/// </summary>
public static class Slug
{
    public const int MaxLength = 80;

    /// <summary>The limit of the earlier rule (<see cref="CreateEarlier"/>).</summary>
    public const int EarlierMaxLength = 255;

    public static string Create(string? text) => Build(text, pinyin: true) is var slug && slug.Length > MaxLength
        ? CutAtDash(slug, MaxLength)
        : slug;

    /// <summary>
    /// The earlier rule, which kept Chinese characters as they are and cut at 255 characters: a path stored under it
    /// is recognized by it, so that existing paths never change (see AutoroutePartHandler).
    /// </summary>
    public static string CreateEarlier(string? text) => Build(text, pinyin: false) is var slug && slug.Length > EarlierMaxLength
        ? Cut(slug, EarlierMaxLength).TrimEnd('-')
        : slug;

    private static string Build(string? text, bool pinyin)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // NFKC folds full-width forms (ＡＢＣ１) and compatibility ideographs into their plain forms; NFD then lets
        // accents be dropped (é → e).
        var decomposed = text.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        var lastBase = 0;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                // Accents on Latin letters go; marks of other scripts (Japanese voicing marks …) are part of the word.
                if (lastBase >= 0x250)
                {
                    builder.Append(rune.ToString());
                }

                continue;
            }

            lastBase = rune.Value;

            // Each Chinese character is a syllable of its own: dashes on both sides.
            var reading = pinyin ? PinyinTable.Reading(rune.Value) : null;
            if (reading is not null || Rune.IsLetterOrDigit(rune))
            {
                if ((pendingDash || reading is not null) && builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }

                builder.Append(reading ?? Rune.ToLowerInvariant(rune).ToString());
                pendingDash = reading is not null;
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The longest prefix within <paramref name="limit"/> that ends at a dash; a single long word is cut.</summary>
    private static string CutAtDash(string slug, int limit)
    {
        var dash = slug.LastIndexOf('-', limit);
        return dash > 0 ? slug[..dash] : Cut(slug, limit);
    }

    private static string Cut(string slug, int limit)
        => char.IsLowSurrogate(slug[limit]) ? slug[..(limit - 1)] : slug[..limit]; // never split a character outside the basic plane
}
