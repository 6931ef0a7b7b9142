using System.Globalization;
using System.Text.RegularExpressions;

namespace Liaison.Organization.Import;

/// <summary>The formats a roster cell may take: phones, resident ID numbers, dates, 是/否, grades and classes.</summary>
internal static partial class RosterFormats
{
    private static readonly int[] s_idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckDigits = "10X98765432";

    private static readonly string[] s_dateFormats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M", "yyyy/M", "yyyy年M月"];

    /// <summary>A mobile number (11 digits, an optional +86) or a landline with its area code; null when neither.</summary>
    public static string? NormalizePhone(string value)
    {
        var digits = Separators().Replace(value, "");
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }

        return Mobile().IsMatch(digits) || Landline().IsMatch(digits) ? digits : null;
    }

    /// <summary>An 18-character resident ID number with a valid birth date and check character; null otherwise.</summary>
    public static string? NormalizeIdNumber(string value)
    {
        var id = Separators().Replace(value, "").ToUpperInvariant();
        if (!IdNumber().IsMatch(id)
            || !DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * s_idWeights[i];
        }

        return id[17] == IdCheckDigits[sum % 11] ? id : null;
    }

    /// <summary>The check character for the first 17 digits of an ID number (used to make valid demo data).</summary>
    public static char IdCheckDigit(string first17)
        => IdCheckDigits[first17.Select((c, i) => (c - '0') * s_idWeights[i]).Sum() % 11];

    public static bool TryParseDate(string value, out DateOnly date)
    {
        var text = value.Trim();
        if (DateTime.TryParseExact(text, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        // Excel keeps dates as day numbers; a cell without a date format arrives as one.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        date = default;
        return false;
    }

    public static bool? ParseYesNo(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => false,
        "是" or "y" or "yes" or "true" or "1" or "√" => true,
        "否" or "n" or "no" or "false" or "0" => false,
        _ => null,
    };

    /// <summary>男 or 女 (M/F accepted); null when it is neither.</summary>
    public static string? NormalizeGender(string value) => value.Trim().ToUpperInvariant() switch
    {
        "男" or "M" or "MALE" => "男",
        "女" or "F" or "FEMALE" => "女",
        _ => null,
    };

    /// <summary>A school grade: 高一…高三, 初一…初三, 七/八/九年级, 一…六年级 ("高一年级" becomes "高一"); null otherwise.</summary>
    public static string? NormalizeGrade(string value)
    {
        var grade = Separators().Replace(value, "");
        if (SeniorOrJunior().IsMatch(grade))
        {
            return grade[..2];
        }

        return NumberedGrade().IsMatch(grade) ? grade : null;
    }

    /// <summary>A class: "3", "3班", "(3)班", "高一(3)班" all become "3班"; other names are kept as written.</summary>
    public static string NormalizeClass(string value)
    {
        var match = ClassNumber().Match(value.Trim());
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + "班" : value.Trim();
    }

    [GeneratedRegex(@"[\s\-()（）]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{9,11}$")]
    private static partial Regex Landline();

    [GeneratedRegex(@"^[1-9]\d{16}[\dX]$")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"^(高|初)[一二三](年级)?$")]
    private static partial Regex SeniorOrJunior();

    [GeneratedRegex(@"^([一二三四五六七八九]|1[0-2]|[1-9])年级$")]
    private static partial Regex NumberedGrade();

    [GeneratedRegex(@"^(?:[高初][一二三](?:年级)?)?[(（]?(\d{1,2})[)）]?班?$")]
    private static partial Regex ClassNumber();
}
