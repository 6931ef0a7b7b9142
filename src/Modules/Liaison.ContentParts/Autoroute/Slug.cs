using System.Globalization;
using System.Text;

namespace Liaison.ContentParts.Autoroute;

/// <summary>
/// Turns a title into a URL segment: lowercase, letters and digits of any script kept (so a Chinese title stays
/// readable), everything else a single dash, at most <see cref="MaxLength"/> characters.
/// </summary>
public static class Slug
{
    public const int MaxLength = 255;

    public static string Create(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // NFKC folds full-width forms (ＡＢＣ１) into ASCII; NFD then lets accents be dropped (é → e).
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

            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString().Normalize(NormalizationForm.FormC);
        return Truncate(slug);
    }

    private static string Truncate(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        var end = MaxLength;
        if (char.IsLowSurrogate(slug[end]))
        {
            end--; // do not split a character outside the basic plane
        }

        return slug[..end].TrimEnd('-');
    }
}
