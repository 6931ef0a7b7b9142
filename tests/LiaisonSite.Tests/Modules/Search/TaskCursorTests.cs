using Liaison.Search.Indexing;

namespace LiaisonSite.Tests.Modules.Search;

public sealed class TaskCursorTests
{
    private static readonly DateTime s_now = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Applied_ContiguousIds_SettlesOnTheHighest()
    {
        var cursor = new TaskCursor(10);

        cursor.Applied([11, 12, 13], s_now);

        Assert.Equal(13, cursor.Settled);
        Assert.Equal(13, cursor.High);
        Assert.Empty(cursor.Gaps);
    }

    [Fact]
    public void Applied_IdMissingBelowAHigherOne_IsWaitedForAndHoldsTheSettledCursorBack()
    {
        var cursor = new TaskCursor(10);

        cursor.Applied([11, 13, 14], s_now);

        Assert.Equal(11, cursor.Settled);
        Assert.Equal(14, cursor.High);
        Assert.Equal([12L], cursor.Gaps);
    }

    [Fact]
    public void Applied_LateIdFillingTheGap_SettlesPastIt()
    {
        var cursor = new TaskCursor(10);
        cursor.Applied([11, 13], s_now);

        cursor.Applied([12], s_now.AddSeconds(2));

        Assert.Equal(13, cursor.Settled);
        Assert.Empty(cursor.Gaps);
    }

    [Fact]
    public void Applied_GapStillEmptyAfterTheTimeout_IsGivenUp()
    {
        var cursor = new TaskCursor(10);
        cursor.Applied([11, 13], s_now);

        cursor.Applied([], s_now.Add(TaskCursor.GapTimeout).AddSeconds(-1));
        var before = cursor.Settled;
        cursor.Applied([], s_now.Add(TaskCursor.GapTimeout));

        Assert.Equal(11, before);
        Assert.Equal(13, cursor.Settled);
        Assert.Empty(cursor.Gaps);
    }

    [Fact]
    public void Applied_ReplayedIdsAtOrBelowTheCursor_ChangeNothing()
    {
        var cursor = new TaskCursor(10);

        cursor.Applied([9, 10], s_now);

        Assert.Equal(10, cursor.Settled);
        Assert.Equal(10, cursor.High);
        Assert.Empty(cursor.Gaps);
    }
}
