namespace LiaisonSite.Core.Time;

/// <summary>Finds the site's time zone by its IANA id, falling back to the school's default.</summary>
public static class SchoolTimeZones
{
    public const string DefaultId = "Asia/Shanghai";

    private static readonly TimeZoneInfo s_default = FindDefault();

    /// <summary>The zone named <paramref name="id"/>, or Asia/Shanghai when the id is empty or unknown on this machine.</summary>
    public static TimeZoneInfo Find(string? id)
        => !string.IsNullOrWhiteSpace(id) && id != DefaultId && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : s_default;

    /// <summary>Whether a zone id may be stored as the site's zone (known here, or the default, which always works).</summary>
    public static bool IsKnown(string? id)
        => id == DefaultId || (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));

    private static TimeZoneInfo FindDefault()
        => TimeZoneInfo.TryFindSystemTimeZoneById(DefaultId, out var zone)
            ? zone

            // Minimal containers may lack tzdata; China has used UTC+8 without daylight saving since 1991.
            : TimeZoneInfo.CreateCustomTimeZone(DefaultId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
}
