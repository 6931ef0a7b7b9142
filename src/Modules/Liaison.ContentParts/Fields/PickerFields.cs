using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

public sealed class ContentPickerField
{
    public string[] ContentItemIds { get; set; } = [];
}

public sealed class ContentPickerFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    public bool Required { get; set; }

    public bool Multiple { get; set; }

    /// <summary>The types offered in the editor; all listable types when empty.</summary>
    public string[] DisplayedContentTypes { get; set; } = [];
}

public sealed class UserPickerField
{
    public string[] UserIds { get; set; } = [];
}

public sealed class UserPickerFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    public bool Required { get; set; }

    public bool Multiple { get; set; }
}

internal sealed class ContentPickerFieldDriver(IStringLocalizer<ContentPickerFieldDriver> localizer)
    : FieldDriver<ContentPickerField, ContentPickerFieldSettings>(localizer)
{
    protected override bool IsEmpty(ContentPickerField field) => field.ContentItemIds.Length == 0;

    protected override ContentPickerField? ReadForm(FieldUpdateContext context, ContentPickerFieldSettings settings, string label, out string? error)
    {
        error = null;
        return new ContentPickerField { ContentItemIds = PickerValues.Read(context, "ContentItemIds") };
    }

    protected override IEnumerable<string> Validate(ContentPickerField field, ContentPickerFieldSettings settings, string label)
        => PickerValues.Validate(base.Validate(field, settings, label), field.ContentItemIds.Length, settings.Multiple, label, S);
}

internal sealed class UserPickerFieldDriver(IStringLocalizer<UserPickerFieldDriver> localizer)
    : FieldDriver<UserPickerField, UserPickerFieldSettings>(localizer)
{
    protected override bool IsEmpty(UserPickerField field) => field.UserIds.Length == 0;

    protected override UserPickerField? ReadForm(FieldUpdateContext context, UserPickerFieldSettings settings, string label, out string? error)
    {
        error = null;
        return new UserPickerField { UserIds = PickerValues.Read(context, "UserIds") };
    }

    protected override IEnumerable<string> Validate(UserPickerField field, UserPickerFieldSettings settings, string label)
        => PickerValues.Validate(base.Validate(field, settings, label), field.UserIds.Length, settings.Multiple, label, S);
}

internal static class PickerValues
{
    public static string[] Read(FieldUpdateContext context, string property)
        => [.. context.Form[$"{context.Prefix}.{property}"]
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)];

    public static IEnumerable<string> Validate(IEnumerable<string> baseErrors, int count, bool multiple, string label, IStringLocalizer S)
    {
        foreach (var error in baseErrors)
        {
            yield return error;
        }

        if (!multiple && count > 1)
        {
            yield return S["{0} can hold only one item.", label];
        }
    }
}
