using System.Globalization;
using LiaisonSite.Core.Settings;

namespace LiaisonSite.Core.Time;

/// <summary>
/// The one school clock: "now" from <see cref="TimeProvider"/> (so tests move it), seen in the site's time zone
/// (<see cref="SiteSettings.TimeZone"/>, default Asia/Shanghai). Times are stored in UTC; pages and rules that talk
/// about days, terms, quarters or half-years go through this, never through a zone of their own.
/// </summary>
public interface ISchoolClock
{
    TimeZoneInfo TimeZone { get; }

    /// <summary>Now, as a UTC <see cref="DateTime"/> (Kind Utc), which is what the database stores.</summary>
    DateTime UtcNow { get; }

    /// <summary>Now in the school's zone.</summary>
    DateTimeOffset Now { get; }

    DateOnly Today { get; }

    /// <summary>This term (学期), e.g. "2026-2027-1" from 1 September to 31 January.</summary>
    SchoolPeriod Term { get; }

    /// <summary>This calendar quarter, e.g. "2026-Q3".</summary>
    SchoolPeriod Quarter { get; }

    /// <summary>This half-year, e.g. "2026-H2".</summary>
    SchoolPeriod HalfYear { get; }

    /// <summary>The school-local wall time of a UTC time.</summary>
    DateTime ToLocal(DateTime utc);

    /// <summary>The UTC time of a school-local wall time (the Kind of <paramref name="local"/> is ignored).</summary>
    DateTime ToUtc(DateTime local);

    /// <summary>The school-local day a UTC time falls on.</summary>
    DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The UTC instant a school-local day starts (for "from day X" filters and period bounds).</summary>
    DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>A UTC time as school-local text, "yyyy-MM-dd HH:mm" unless told otherwise; empty for null.</summary>
    string Format(DateTime? utc, string format = "yyyy-MM-dd HH:mm")
        => utc is { } value ? ToLocal(value).ToString(format, CultureInfo.InvariantCulture) : "";
}
