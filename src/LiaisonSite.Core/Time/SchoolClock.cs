using LiaisonSite.Core.Settings;

namespace LiaisonSite.Core.Time;

/// <summary>
/// Scoped: the zone is read once per scope from the site settings. In a request the setup gate has loaded them
/// already, so this costs nothing; a job's scope reads them once.
/// </summary>
internal sealed class SchoolClock(TimeProvider time, ISiteService site) : ISchoolClock
{
    private TimeZoneInfo? _zone;

    public TimeZoneInfo TimeZone => _zone ??= LoadZone();

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public SchoolPeriod Term => SchoolTerm.Of(Today);

    public SchoolPeriod Quarter => SchoolPeriod.QuarterOf(Today);

    public SchoolPeriod HalfYear => SchoolPeriod.HalfYearOf(Today);

    public DateTime ToLocal(DateTime utc)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public DateTime ToUtc(DateTime local)
        => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    private TimeZoneInfo LoadZone()
    {
        // Settings are usually in the scope's document cache already, so the task has completed.
        var settings = site.GetSettingsAsync();
        var id = settings.IsCompletedSuccessfully ? settings.Result.TimeZone : settings.GetAwaiter().GetResult().TimeZone;
        return SchoolTimeZones.Find(id);
    }
}
