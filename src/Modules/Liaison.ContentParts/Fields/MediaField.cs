using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

/// <summary>Files of the media library by path ("branch1/2026/photo.jpg"); MediaTexts are their alternative texts.</summary>
public sealed class MediaField
{
    public string[] Paths { get; set; } = [];

    public string[] MediaTexts { get; set; } = [];

    /// <summary>The URL of a media path, served by the media library under /media.</summary>
    public static string Url(string path) => "/media/" + string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString));

    public string AltText(int index) => index < MediaTexts.Length ? MediaTexts[index] : "";

    /// <summary>True for a relative path inside the media library (see <see cref="MediaFieldDriver.IsMediaPath"/>).</summary>
    public static bool IsLibraryPath(string path) => MediaFieldDriver.IsMediaPath(path);
}

public sealed class MediaFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    public bool Required { get; set; }

    public bool Multiple { get; set; }

    public bool AllowMediaText { get; set; } = true;
}

internal sealed class MediaFieldDriver(IStringLocalizer<MediaFieldDriver> localizer) : FieldDriver<MediaField, MediaFieldSettings>(localizer)
{
    protected override bool IsEmpty(MediaField field) => field.Paths.Length == 0;

    protected override MediaField? ReadForm(FieldUpdateContext context, MediaFieldSettings settings, string label, out string? error)
    {
        error = null;
        // The editor posts one input per image; older forms posted one text with a line per image.
        var paths = Lines(string.Join('\n', context.Form[$"{context.Prefix}.Paths"].Select(v => v ?? "")), keepEmpty: false);
        var texts = settings.AllowMediaText
            ? Lines(string.Join('\n', context.Form[$"{context.Prefix}.MediaTexts"].Select(v => v ?? "")), keepEmpty: true)
            : [];
        return new MediaField { Paths = paths, MediaTexts = [.. texts.Take(paths.Length)] };
    }

    protected override IEnumerable<string> Validate(MediaField field, MediaFieldSettings settings, string label)
    {
        foreach (var error in base.Validate(field, settings, label))
        {
            yield return error;
        }

        if (!settings.Multiple && field.Paths.Length > 1)
        {
            yield return S["{0} can hold only one file.", label];
        }

        if (field.Paths.Any(p => !IsMediaPath(p)))
        {
            yield return S["{0} contains a file path that is not valid.", label];
        }

    }

    /// <summary>
    /// Images are public and must be understandable without seeing them (screen readers, failed loads): whoever picks
    /// one in the editor describes it. Imported items (recipes, the API) may come without texts, as Orchard's do.
    /// </summary>
    protected override IEnumerable<string> EditorOnlyErrors(MediaField field, MediaFieldSettings settings, string label)
    {
        if (settings.AllowMediaText && Enumerable.Range(0, field.Paths.Length).Any(i => string.IsNullOrWhiteSpace(field.AltText(i))))
        {
            yield return S["{0}: every image needs an alternative text.", label];
        }
    }

    /// <summary>A relative path inside the media library: no scheme, no "..", no backslashes.</summary>
    public static bool IsMediaPath(string path)
        => !string.IsNullOrWhiteSpace(path) && !path.Contains(':') && !path.Contains('\\')
            && !path.TrimStart('/').StartsWith('/') && path.Split('/').All(s => s != "..");

    private static string[] Lines(string text, bool keepEmpty)
        => [.. text.Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => keepEmpty || l.Length > 0)];
}
