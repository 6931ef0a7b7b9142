using LiaisonSite.Core.Time;

namespace LiaisonSite.Tests.Core.Time;

public sealed class SchoolTermTests
{
    [Theory]
    [InlineData("2026-09-01", "2026-2027-1")]
    [InlineData("2026-12-31", "2026-2027-1")]
    [InlineData("2027-01-20", "2026-2027-1")]
    [InlineData("2027-02-01", "2026-2027-2")]
    [InlineData("2027-08-31", "2026-2027-2")]
    public void Current_FirstTermIsSeptemberToJanuary_SecondFebruaryToAugust(string date, string expected)
        => Assert.Equal(expected, SchoolTerm.Current(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-2027-1", "2026—2027学年第一学期")]
    [InlineData("2026-2027-2", "2026—2027学年第二学期")]
    public void DisplayName_IsTheSchoolYearAndTermInChinese(string term, string expected)
        => Assert.Equal(expected, SchoolTerm.DisplayName(term));

    [Theory]
    [InlineData("2026-2028-1")]
    [InlineData("2026-2027-3")]
    [InlineData("26-27-1")]
    [InlineData("1999-2000-1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RejectsWhatIsNotATerm(string? text)
        => Assert.False(SchoolTerm.IsValid(text));

    [Fact]
    public void TryParse_TrimsAndNormalizes()
    {
        Assert.True(SchoolTerm.TryParse(" 2026-2027-2 ", out var key, out var start, out var term));
        Assert.Equal(("2026-2027-2", 2026, 2), (key, start, term));
    }

    [Fact]
    public void NextAndPrevious_StepThroughTheTerms()
    {
        Assert.Equal("2026-2027-2", SchoolTerm.Next("2026-2027-1"));
        Assert.Equal("2027-2028-1", SchoolTerm.Next("2026-2027-2"));
        Assert.Equal("2025-2026-2", SchoolTerm.Previous("2026-2027-1"));
        Assert.Equal(["2027-2028-1", "2026-2027-2", "2026-2027-1"], SchoolTerm.Around("2026-2027-2", before: 1));
    }
}
