using AngleSharp.Html.Parser;
using Ganss.Xss;
using Microsoft.Extensions.Caching.Memory;

namespace Liaison.ContentParts.Sanitizing;

/// <summary>Makes user-written HTML safe to show: formatting, links, images and tables stay; scripts and handlers go.</summary>
public interface IHtmlSanitizerService
{
    string Sanitize(string? html);

    /// <summary>The text of an HTML fragment, shortened to <paramref name="maxLength"/> characters (for excerpts and feeds).</summary>
    string ToPlainText(string? html, int maxLength = int.MaxValue);
}

internal sealed class HtmlSanitizerService : IHtmlSanitizerService, IDisposable
{
    // What a page shows is sanitized (and summarized) again on every rendering, while the same few bodies are shown
    // over and over: parsing them was about a third of an uncached story page. Results are remembered by the text
    // itself (no stale entry is possible), bounded in size; the indexer's whole-body plain texts are not remembered.
    private const long RememberedChars = 8_000_000;
    private const int LongestRemembered = 200_000;

    // Configured once and never changed afterwards, which is what makes the instance safe to share.
    private readonly HtmlSanitizer _sanitizer = Create();

    private readonly MemoryCache _remembered = new(new MemoryCacheOptions { SizeLimit = RememberedChars });

    public string Sanitize(string? html)
        => string.IsNullOrWhiteSpace(html) ? "" : Remembered(new Key(html, -1), () => _sanitizer.Sanitize(html));

    public string ToPlainText(string? html, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        return maxLength == int.MaxValue ? PlainText(html, maxLength) : Remembered(new Key(html, maxLength), () => PlainText(html, maxLength));
    }

    private string Remembered(Key key, Func<string> compute)
    {
        if (_remembered.TryGetValue(key, out string? known))
        {
            return known!;
        }

        var value = compute();
        if (key.Html.Length <= LongestRemembered)
        {
            _remembered.Set(key, value, new MemoryCacheEntryOptions { Size = key.Html.Length + value.Length });
        }

        return value;
    }

    private readonly record struct Key(string Html, int MaxLength);

    public void Dispose() => _remembered.Dispose();

    private static string PlainText(string html, int maxLength)
    {
        var text = new HtmlParser().ParseDocument(html).Body?.TextContent ?? "";
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= maxLength ? text : text[..maxLength].TrimEnd() + "…";
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("textarea");
        return sanitizer;
    }
}
