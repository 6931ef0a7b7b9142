namespace Liaison.Admin.Settings;

internal static class SiteTime
{
    /// <summary>The site's time zone, or China Standard Time when the setting names no known zone.</summary>
    public static TimeZoneInfo Zone(string? id)
        => id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
}
