using System.Globalization;

namespace LiaisonSite.Core.Time;

/// <summary>
/// A stretch of school-local days: <see cref="Start"/> is its first day, <see cref="End"/> the first day after it.
/// <see cref="Key"/> names it: "2026-2027-1" (term), "2026-Q3" (quarter), "2026-H2" (half-year).
/// </summary>
public sealed record SchoolPeriod(string Key, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => day >= Start && day < End;

    /// <summary>The calendar quarter (季度) of a day: January–March is Q1.</summary>
    public static SchoolPeriod QuarterOf(DateOnly day)
    {
        var quarter = ((day.Month - 1) / 3) + 1;
        var start = new DateOnly(day.Year, ((quarter - 1) * 3) + 1, 1);
        return new SchoolPeriod(string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{quarter}"), start, start.AddMonths(3));
    }

    /// <summary>The half-year (上半年 January–June, 下半年 July–December) of a day.</summary>
    public static SchoolPeriod HalfYearOf(DateOnly day)
    {
        var half = day.Month <= 6 ? 1 : 2;
        var start = new DateOnly(day.Year, half == 1 ? 1 : 7, 1);
        return new SchoolPeriod(string.Create(CultureInfo.InvariantCulture, $"{day.Year}-H{half}"), start, start.AddMonths(6));
    }
}
