using Liaison.ContentParts.Markdown;
using Liaison.ContentParts.Sanitizing;

namespace LiaisonSite.Tests.Modules.ContentParts;

public sealed class HtmlSanitizerServiceTests
{
    private readonly HtmlSanitizerService _sanitizer = new();

    [Theory]
    [InlineData("<p>a</p><script>alert(1)</script>", "<script")]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<p onclick=\"steal()\">x</p>", "onclick")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<form action=\"/logout\"><button>x</button></form>", "<form")]
    public void Sanitize_RemovesDangerousMarkup(string html, string forbidden)
        => Assert.DoesNotContain(forbidden, _sanitizer.Sanitize(html), StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("<p><strong>党建</strong> <em>引领</em></p>")]
    [InlineData("<h2>标题</h2><ul><li>一</li></ul><ol><li>二</li></ol><blockquote>引文</blockquote>")]
    [InlineData("<a href=\"https://www.example.edu.cn/\">学校</a>")]
    [InlineData("<img src=\"/media/a.jpg\" alt=\"合影\">")]
    [InlineData("<table><thead><tr><th>支部</th></tr></thead><tbody><tr><td>一支部</td></tr></tbody></table>")]
    public void Sanitize_KeepsCommonFormatting(string html)
        => Assert.Equal(html, _sanitizer.Sanitize(html));

    [Fact]
    public void ToPlainText_StripsTagsAndShortens()
        => Assert.Equal("党建 引领…", _sanitizer.ToPlainText("<p>党建</p> <p>引领发展</p>", 5));

    [Fact]
    public void RememberedResults_AreKeptApart_ByTextAndByLength()
    {
        // Results are remembered by the text: asking again, or for another length or the other operation, gives
        // what computing afresh would.
        const string html = "<p>党建</p> <p>引领发展</p><script>alert(1)</script>";
        Assert.Equal("党建 引领…", _sanitizer.ToPlainText(html, 5));
        Assert.Equal("党建 引领…", _sanitizer.ToPlainText(html, 5));
        Assert.StartsWith("党建 引领发展", _sanitizer.ToPlainText(html, 50));
        Assert.DoesNotContain("<script", _sanitizer.Sanitize(html));
        Assert.DoesNotContain("<script", _sanitizer.Sanitize(html));
        Assert.Equal(new HtmlSanitizerService().Sanitize(html), _sanitizer.Sanitize(html));
    }

    [Fact]
    public void Markdown_RendersFormattingAndRemovesRawScript()
    {
        var html = new MarkdownService(_sanitizer).ToHtml("# 标题\n\n**加粗** [链接](https://example.org)\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<h1", html);
        Assert.Contains("<strong>加粗</strong>", html);
        Assert.Contains("<a href=\"https://example.org\">链接</a>", html);
        Assert.Contains("<table>", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Markdown_JavascriptLink_IsNotClickable()
        => Assert.DoesNotContain("javascript:", new MarkdownService(_sanitizer).ToHtml("[x](javascript:alert(1))"));
}
