using Liaison.Notices.Parts;

namespace LiaisonSite.Tests.Modules.Notices;

public sealed class NoticePeriodTests
{
    private static readonly DateTime Start = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);

    private static PublicNoticePart Notice(DateTime? closed = null) => new() { Kind = NoticeKinds.NewMembers, StartUtc = Start, EndUtc = End, ClosedUtc = closed };

    [Fact]
    public void At_BeforeTheStart_IsNotStarted()
        => Assert.Equal(NoticeState.NotStarted, NoticePeriod.At(Notice(), Start.AddMinutes(-1)).State);

    [Fact]
    public void At_TheStart_IsOpen()
        => Assert.True(NoticePeriod.At(Notice(), Start).IsOpen);

    [Fact]
    public void At_TheEnd_IsClosed_EvenBeforeTheJobRan()
        => Assert.Equal(NoticeState.Closed, NoticePeriod.At(Notice(), End).State);

    [Fact]
    public void At_WhenTheJobClosedIt_IsClosed_WhateverTheClock()
        => Assert.Equal(NoticeState.Closed, NoticePeriod.At(Notice(closed: Start.AddDays(1)), Start.AddDays(2)).State);

    [Theory]
    [InlineData("2026-11-26T10:00:00Z", 9)]
    [InlineData("2026-11-26T10:00:01Z", 9)]
    [InlineData("2026-11-26T09:59:59Z", 10)]
    [InlineData("2026-12-05T07:00:00Z", 1)]
    [InlineData("2026-12-05T09:59:59Z", 1)]
    public void DaysLeft_WhileOpen_AreWholeDaysRoundedUp(string now, int expected)
    {
        var period = NoticePeriod.At(Notice(), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);

        Assert.True(period.IsOpen);
        Assert.Equal(expected, period.DaysLeft);
    }
}
