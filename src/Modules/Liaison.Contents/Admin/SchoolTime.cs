namespace Liaison.Contents.Admin;

/// <summary>Times are stored in UTC and shown in the school's time zone, whatever the server's zone is.</summary>
public static class SchoolTime
{
    private static readonly TimeZoneInfo s_zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Format(DateTime? utc)
        => utc is { } value
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), s_zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : "";
}
