using System.Text.RegularExpressions;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Tests.Infrastructure;
using static LiaisonSite.Tests.Modules.Contents.ContentsHttp;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>
/// The admin content list's pages under a text filter: a short page gives the total without a count (issue 14: a rare
/// word's count was a second pass over every row), and every page still says how many pages there are.
/// </summary>
public sealed partial class ContentListPagingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData(1, 20, 0, 0)]
    [InlineData(1, 20, 7, 7)]
    [InlineData(3, 20, 7, 47)]
    [InlineData(3, 20, 20, null)]
    [InlineData(3, 20, 0, null)]
    [InlineData(Pager.MaxPage, 100, 1, 99_999_901)]
    public void TotalOf_AShortPageTellsTheTotal_AFullOrEmptyLaterPageDoesNot(int page, int size, int rows, int? total)
        => Assert.Equal(total, Pager.TotalOf(page, size, rows));

    [Fact]
    public async Task TextFilter_PagesThroughEveryMatch_AndEachPageKnowsThePageCount()
    {
        var editor = await site.SignInAsync("editor1");
        var word = Unique("分页");
        var titles = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            titles.Add($"{word} 第{i}篇");
            await CreatePageAsync(editor, titles[^1], Unique("paging-"), publish: i % 2 == 0);
        }

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await GetTextAsync(editor, $"/admin/contents?q={Uri.EscapeDataString(word)}&pageSize=2&page={page}"));
        }

        // Newest first: 5 4 | 3 2 | 1, each page linking on to the next while there is one.
        Assert.Equal(new[] { titles[4], titles[3] }, Found(pages[0], titles));
        Assert.Equal(new[] { titles[2], titles[1] }, Found(pages[1], titles));
        Assert.Equal(new[] { titles[0] }, Found(pages[2], titles));
        Assert.All(pages, page => Assert.Matches(PageOfThree(), page));
        Assert.Contains("page=2\" rel=\"next\"", pages[0], StringComparison.Ordinal);
        Assert.Contains("page=3\" rel=\"next\"", pages[1], StringComparison.Ordinal);
        Assert.Contains("href=\"#\" rel=\"next\"", pages[2], StringComparison.Ordinal);

        // Past the end: no rows, and still the right number of pages.
        var past = await GetTextAsync(editor, $"/admin/contents?q={Uri.EscapeDataString(word)}&pageSize=2&page=4");
        Assert.Empty(Found(past, titles));
        Assert.Matches(PageOfThree(), past);
    }

    /// <summary>
    /// A substring filter is counted ten pages past the page asked for (an exact count reads every row); beyond that
    /// the pager says "or more", and a later page that sees the end gives the exact count again.
    /// </summary>
    [Fact]
    public async Task TextFilter_CountsTenPagesAhead_AndSaysOrMoreBeyond()
    {
        var editor = await site.SignInAsync("editor1");
        var word = Unique("计数");
        for (var i = 1; i <= 12; i++)
        {
            await CreatePageAsync(editor, $"{word} 第{i}篇", Unique("counted-"), publish: false);
        }

        var url = $"/admin/contents?q={Uri.EscapeDataString(word)}&pageSize=1&page=";
        Assert.Contains("第 1 页，共 11 页以上", await GetTextAsync(editor, url + "1"), StringComparison.Ordinal);
        Assert.Contains("第 2 页，共 12 页以上", await GetTextAsync(editor, url + "2"), StringComparison.Ordinal);
        Assert.Contains("第 3 页，共 12 页<", await GetTextAsync(editor, url + "3"), StringComparison.Ordinal);
        Assert.Contains("第 12 页，共 12 页<", await GetTextAsync(editor, url + "12"), StringComparison.Ordinal);
        Assert.Contains("page=2\" rel=\"next\"", await GetTextAsync(editor, url + "1"), StringComparison.Ordinal);
    }

    private static List<string> Found(string html, List<string> titles)
        => titles.Select(t => (Title: t, At: html.IndexOf(t, StringComparison.Ordinal))).Where(t => t.At >= 0).OrderBy(t => t.At).Select(t => t.Title).ToList();

    /// <summary>The pager's "Page {0} of {1}" in Chinese or English, of three pages.</summary>
    [GeneratedRegex(@"(第\s*\d+\s*页，共\s*3\s*页<|Page \d+ of 3<)")]
    private static partial Regex PageOfThree();
}
