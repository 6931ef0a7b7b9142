using Liaison.ContentParts.Autoroute;

namespace LiaisonSite.Tests.Modules.ContentParts;

public sealed class SlugTests
{
    [Theory]
    [InlineData("开展谈心活动", "开展谈心活动")]
    [InlineData("Hello World!", "hello-world")]
    [InlineData("  第一党支部：开展“三会一课”  ", "第一党支部-开展-三会一课")]
    [InlineData("党建，引领！发展。", "党建-引领-发展")]
    [InlineData("Café Crème", "cafe-creme")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("2026 年 春季 C++ & C#", "2026-年-春季-c-c")]
    [InlineData("---", "")]
    [InlineData("", "")]
    public void Create_GivesReadableLowercaseSlug(string title, string expected)
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
    public void Create_WhenLongChinese_KeepsExactlyMaxLengthCharacters()
        => Assert.Equal(Slug.MaxLength, Slug.Create(new string('党', 400)).Length);
}
