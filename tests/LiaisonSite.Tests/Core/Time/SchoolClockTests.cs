using LiaisonSite.Core.Settings;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Modules.Notices;

namespace LiaisonSite.Tests.Core.Time;

public sealed class SchoolClockTests
{
    [Fact]
    public void Today_IsTheSchoolDay_NotTheUtcDay()
    {
        // 17:00 UTC on 31 August is 01:00 on 1 September in Beijing: a new school year, term, quarter … has begun.
        var clock = Clock("2026-08-31T17:00:00Z", "Asia/Shanghai");

        Assert.Equal(new DateOnly(2026, 9, 1), clock.Today);
        Assert.Equal(new SchoolPeriod("2026-2027-1", new(2026, 9, 1), new(2027, 2, 1)), clock.Term);
        Assert.Equal(new SchoolPeriod("2026-Q3", new(2026, 7, 1), new(2026, 10, 1)), clock.Quarter);
        Assert.Equal(new SchoolPeriod("2026-H2", new(2026, 7, 1), new(2027, 1, 1)), clock.HalfYear);
        Assert.Equal(TimeSpan.FromHours(8), clock.Now.Offset);
    }

    [Fact]
    public void TheZone_ComesFromTheSiteSettings()
    {
        // New Year's Eve, 20:00 UTC: already 2027 in Beijing, still 2026 in London.
        Assert.Equal("2027-Q1", Clock("2026-12-31T20:00:00Z", "Asia/Shanghai").Quarter.Key);
        Assert.Equal("2026-Q4", Clock("2026-12-31T20:00:00Z", "Europe/London").Quarter.Key);
        Assert.Equal("2026-H2", Clock("2026-12-31T20:00:00Z", "Europe/London").HalfYear.Key);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void AnUnknownZone_FallsBackToBeijingTime(string zone)
        => Assert.Equal(new DateOnly(2027, 1, 1), Clock("2026-12-31T20:00:00Z", zone).Today);

    [Fact]
    public void LocalAndUtc_RoundTrip_AndFormatInSchoolTime()
    {
        var clock = Clock("2026-03-01T00:00:00Z", "Asia/Shanghai");
        var utc = new DateTime(2026, 3, 15, 6, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 3, 15, 14, 30, 0), clock.ToLocal(utc));
        Assert.Equal(utc, clock.ToUtc(new DateTime(2026, 3, 15, 14, 30, 0)));
        Assert.Equal("2026-03-15 14:30", clock.Format(utc));
        Assert.Equal("", clock.Format(null));
        Assert.Equal(new DateTime(2026, 3, 14, 16, 0, 0, DateTimeKind.Utc), clock.StartOfDayUtc(new DateOnly(2026, 3, 15)));
    }

    [Theory]
    [InlineData("2027-01-31", "2026-2027-1")]
    [InlineData("2027-02-01", "2026-2027-2")]
    [InlineData("2027-08-31", "2026-2027-2")]
    public void Term_FollowsTheSchoolYear(string day, string term)
    {
        var period = SchoolTerm.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(term, period.Key);
        Assert.True(period.Contains(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static ISchoolClock Clock(string utcNow, string zone)
        => new SchoolClock(new FakeClock(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture)), new Settings(zone));

    private sealed class Settings(string zone) : ISiteService
    {
        public Task<SiteSettings> GetSettingsAsync() => Task.FromResult(new SiteSettings { TimeZone = zone });

        public Task UpdateSettingsAsync(SiteSettings settings) => Task.CompletedTask;
    }
}
