using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Liaison.ContentParts.Sanitizing;

/// <summary>Makes user-written HTML safe to show: formatting, links, images and tables stay; scripts and handlers go.</summary>
public interface IHtmlSanitizerService
{
    string Sanitize(string? html);

    /// <summary>The text of an HTML fragment, shortened to <paramref name="maxLength"/> characters (for excerpts and feeds).</summary>
    string ToPlainText(string? html, int maxLength = int.MaxValue);
}

internal sealed class HtmlSanitizerService : IHtmlSanitizerService
{
    // Configured once and never changed afterwards, which is what makes the instance safe to share.
    private readonly HtmlSanitizer _sanitizer = Create();

    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html);

    public string ToPlainText(string? html, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

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
