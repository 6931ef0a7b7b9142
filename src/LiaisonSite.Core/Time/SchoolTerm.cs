using System.Globalization;
using System.Text.RegularExpressions;

namespace LiaisonSite.Core.Time;

/// <summary>
/// School terms (学期) as keys like "2026-2027-1": the school year's first and last calendar year and the term
/// number. The first term runs September–January, the second February–August (the summer belongs to it, so that
/// work confirmed in spring stays current until the new school year starts). The rule lives here, once;
/// <see cref="ISchoolClock.Term"/> gives the current term in the site's time zone.
/// </summary>
public static partial class SchoolTerm
{
    public const int MinYear = 2000;

    public const int MaxYear = 2100;

    /// <summary>The term a school-local date falls in.</summary>
    public static string Current(DateOnly date) => date.Month switch
    {
        >= 9 => Key(date.Year, 1),
        1 => Key(date.Year - 1, 1),
        _ => Key(date.Year - 1, 2),
    };

    /// <summary>The term a school-local date falls in, with its first day and the first day after it.</summary>
    public static SchoolPeriod Of(DateOnly date)
    {
        var key = Current(date);
        var (start, term) = Parse(key);
        return term == 1
            ? new SchoolPeriod(key, new DateOnly(start, 9, 1), new DateOnly(start + 1, 2, 1))
            : new SchoolPeriod(key, new DateOnly(start + 1, 2, 1), new DateOnly(start + 1, 9, 1));
    }

    /// <summary>The key of a term of the school year starting in <paramref name="startYear"/>.</summary>
    public static string Key(int startYear, int term) => string.Create(CultureInfo.InvariantCulture, $"{startYear}-{startYear + 1}-{term}");

    /// <summary>Whether the text is a valid term key; <paramref name="key"/> is then its normalized form.</summary>
    public static bool TryParse(string? text, out string key, out int startYear, out int term)
    {
        key = "";
        startYear = 0;
        term = 0;
        var match = text is null ? null : KeyPattern().Match(text.Trim());
        if (match is null || !match.Success)
        {
            return false;
        }

        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (end != start + 1 || start < MinYear || start > MaxYear)
        {
            return false;
        }

        startYear = start;
        term = match.Groups[3].Value[0] - '0';
        key = Key(start, term);
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _, out _, out _);

    /// <summary>"2026—2027学年第一学期", the name the school writes.</summary>
    public static string DisplayName(string key)
        => TryParse(key, out _, out var start, out var term)
            ? string.Create(CultureInfo.InvariantCulture, $"{start}—{start + 1}学年{(term == 1 ? "第一学期" : "第二学期")}")
            : key;

    public static string Next(string key)
    {
        var (start, term) = Parse(key);
        return term == 1 ? Key(start, 2) : Key(start + 1, 1);
    }

    public static string Previous(string key)
    {
        var (start, term) = Parse(key);
        return term == 2 ? Key(start, 1) : Key(start - 1, 2);
    }

    /// <summary>The terms a picker offers: a few before the current one and the next one, newest first.</summary>
    public static IReadOnlyList<string> Around(string current, int before = 4)
    {
        var terms = new List<string> { Next(current), current };
        for (var i = 0; i < before; i++)
        {
            terms.Add(Previous(terms[^1]));
        }

        return terms;
    }

    private static (int StartYear, int Term) Parse(string key)
        => TryParse(key, out _, out var start, out var term)
            ? (start, term)
            : throw new ArgumentException($"'{key}' is not a school term such as 2026-2027-1.", nameof(key));

    [GeneratedRegex(@"^(\d{4})-(\d{4})-([12])$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
