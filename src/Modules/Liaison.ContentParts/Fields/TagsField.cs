using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

public sealed class TagsField
{
    public const int MaxTagLength = 50;

    public string[] Tags { get; set; } = [];
}

public sealed class TagsFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    public bool Required { get; set; }
}

internal sealed class TagsFieldDriver(IStringLocalizer<TagsFieldDriver> localizer) : FieldDriver<TagsField, TagsFieldSettings>(localizer)
{
    // Chinese text separates with full-width commas and the enumeration comma as often as with ",".
    private static readonly char[] s_separators = [',', '，', '、', ';', '；', '\n', '\r'];

    protected override bool IsEmpty(TagsField field) => field.Tags.All(string.IsNullOrWhiteSpace);

    protected override TagsField? ReadForm(FieldUpdateContext context, TagsFieldSettings settings, string label, out string? error)
    {
        error = null;
        return new TagsField { Tags = Split(context.Form[$"{context.Prefix}.Tags"].ToString()) };
    }

    public static string[] Split(string text)
        => [.. text.Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    protected override IEnumerable<string> Validate(TagsField field, TagsFieldSettings settings, string label)
    {
        foreach (var error in base.Validate(field, settings, label))
        {
            yield return error;
        }

        if (field.Tags.Any(t => t.Length > TagsField.MaxTagLength))
        {
            yield return S["Each tag of {0} can have at most {1} characters.", label, TagsField.MaxTagLength];
        }
    }
}
