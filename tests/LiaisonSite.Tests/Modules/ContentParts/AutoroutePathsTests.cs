using Liaison.ContentParts.Autoroute;

namespace LiaisonSite.Tests.Modules.ContentParts;

public sealed class AutoroutePathsTests
{
    [Theory]
    [InlineData("admin")]
    [InlineData("Admin/page")]
    [InlineData("api/content")]
    [InlineData("sitemap.xml")]
    [InlineData("examples/x")]
    [InlineData("access-denied")]
    public void IsReserved_WhenFirstSegmentBelongsToTheSite_IsTrue(string path)
        => Assert.True(AutoroutePaths.IsReserved(path));

    [Theory]
    [InlineData("about")]
    [InlineData("administration")]
    [InlineData("支部/admin")]
    public void IsReserved_WhenFirstSegmentIsFree_IsFalse(string path)
        => Assert.False(AutoroutePaths.IsReserved(path));

    [Theory]
    [InlineData("about", true)]
    [InlineData("branch-1/开展谈心活动", true)]
    [InlineData("a b", false)]
    [InlineData("a//b", false)]
    [InlineData("../etc", false)]
    [InlineData("a?b=1", false)]
    [InlineData("a#b", false)]
    [InlineData("javascript:alert(1)", false)]
    public void IsWellFormed_AcceptsOnlyPlainSegments(string path, bool expected)
        => Assert.Equal(expected, AutoroutePaths.IsWellFormed(path));

    [Theory]
    [InlineData(" /about/ ", "about")]
    [InlineData("/", null)]
    [InlineData(null, null)]
    public void Normalize_TrimsSlashesAndSpaces(string? path, string? expected)
        => Assert.Equal(expected, AutoroutePaths.Normalize(path));
}
