namespace Liaison.ContentParts;

/// <summary>Dates are stored in UTC and shown in the school's time zone (Asia/Shanghai, no daylight saving).</summary>
public static class SchoolTime
{
    private static readonly TimeZoneInfo s_zone = FindZone();

    public static DateTime ToShanghaiTime(this DateTime utc)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), s_zone);

    public static DateTime FromShanghaiTime(DateTime local)
        => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), s_zone);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Minimal containers may lack tz data; China has used UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
