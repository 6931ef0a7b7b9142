using Liaison.ContentParts.Autoroute;

namespace LiaisonSite.Tests.Modules.ContentParts;

public sealed class SlugTests
{
    [Theory]
    [InlineData("党员联系师生", "dang-yuan-lian-xi-shi-sheng")]
    [InlineData("2026年春季学期", "2026-nian-chun-ji-xue-qi")]
    [InlineData("开展谈心活动", "kai-zhan-tan-xin-huo-dong")]
    [InlineData("Hello World!", "hello-world")]
    [InlineData("  第一党支部：开展“三会一课”  ", "di-yi-dang-zhi-bu-kai-zhan-san-hui-yi-ke")]
    [InlineData("党建，引领！发展。", "dang-jian-yin-ling-fa-zhan")]
    [InlineData("Party建设2026", "party-jian-she-2026")]
    [InlineData("绿色校园·女教师", "lv-se-xiao-yuan-nv-jiao-shi")]
    [InlineData("Café Crème", "cafe-creme")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("2026 年 春季 C++ & C#", "2026-nian-chun-ji-c-c")]
    [InlineData("---", "")]
    [InlineData("", "")]
    public void Create_GivesReadableLowercaseSlug(string title, string expected)
        => Assert.Equal(expected, Slug.Create(title));

    [Theory]
    [InlineData("㐀", "㐀")] // Extension A, no reading in the table
    [InlineData("党㐀员", "dang-㐀-yuan")]
    [InlineData("𠀀校", "𠀀-xiao")] // Extension B is not in the table
    public void Create_KeepsCharactersWithoutAReading_NeverAnEmptySlug(string title, string expected)
        => Assert.Equal(expected, Slug.Create(title));

    [Fact]
    public void Create_KeepsJapaneseVoicingMarks()
        => Assert.Equal("がっこう", Slug.Create("がっこう"));

    [Fact]
    public void Create_WhenLong_CutsAtMaxLengthWithoutTrailingDash()
    {
        var slug = Slug.Create(string.Concat(Enumerable.Repeat("ab ", 200)));

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("ab-ab-", slug);
    }

    [Fact]
    public void Create_WhenLongChinese_CutsBetweenSyllables()
    {
        var slug = Slug.Create(new string('党', 400));

        Assert.Equal(80, Slug.MaxLength);
        Assert.Equal(79, slug.Length); // 16 × "dang" and their dashes; a 17th would pass 80
        Assert.All(slug.Split('-'), s => Assert.Equal("dang", s));
    }

    [Fact]
    public void Create_WhenOneWordIsLongerThanTheLimit_CutsTheWord()
        => Assert.Equal(new string('a', Slug.MaxLength), Slug.Create(new string('a', 200) + " 党"));

    [Theory]
    [InlineData("开展谈心活动", "开展谈心活动")]
    [InlineData("  第一党支部：开展“三会一课”  ", "第一党支部-开展-三会一课")]
    [InlineData("2026 年 春季 C++ & C#", "2026-年-春季-c-c")]
    public void CreateEarlier_IsTheRuleThatKeptChineseCharacters(string title, string expected)
        => Assert.Equal(expected, Slug.CreateEarlier(title));

    [Fact]
    public void CreateEarlier_WhenLongChinese_KeepsExactly255Characters()
        => Assert.Equal(Slug.EarlierMaxLength, Slug.CreateEarlier(new string('党', 400)).Length);
}
