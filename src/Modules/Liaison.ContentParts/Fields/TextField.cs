using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

public sealed class TextField
{
    public string? Text { get; set; }
}

public sealed class TextFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    public bool Required { get; set; }

    public int? MaxLength { get; set; }
}

internal sealed class TextFieldDriver(IStringLocalizer<TextFieldDriver> localizer) : FieldDriver<TextField, TextFieldSettings>(localizer)
{
    protected override bool IsEmpty(TextField field) => string.IsNullOrWhiteSpace(field.Text);

    protected override TextField? ReadForm(FieldUpdateContext context, TextFieldSettings settings, string label, out string? error)
    {
        error = null;
        var text = Posted(context, "Text");
        return new TextField { Text = text.Length == 0 ? null : text };
    }

    protected override IEnumerable<string> Validate(TextField field, TextFieldSettings settings, string label)
    {
        foreach (var error in base.Validate(field, settings, label))
        {
            yield return error;
        }

        if (settings.MaxLength is > 0 and var max && field.Text?.Length > max)
        {
            yield return S["{0} can have at most {1} characters.", label, max];
        }
    }
}
