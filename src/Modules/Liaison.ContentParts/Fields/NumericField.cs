using System.Globalization;
using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

public sealed class NumericField
{
    public decimal? Value { get; set; }
}

public sealed class NumericFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    public bool Required { get; set; }

    /// <summary>Digits allowed after the decimal point (0 = whole numbers).</summary>
    public int Scale { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public string? Placeholder { get; set; }

    /// <summary>The step of the number input: 1, 0.1, 0.01 …</summary>
    public string Step => Scale <= 0 ? "1" : (1m / (decimal)Math.Pow(10, Math.Min(Scale, 10))).ToString(CultureInfo.InvariantCulture);
}

internal sealed class NumericFieldDriver(IStringLocalizer<NumericFieldDriver> localizer) : FieldDriver<NumericField, NumericFieldSettings>(localizer)
{
    protected override bool IsEmpty(NumericField field) => field.Value is null;

    protected override NumericField? ReadForm(FieldUpdateContext context, NumericFieldSettings settings, string label, out string? error)
    {
        error = null;
        var text = Posted(context, "Value");
        if (text.Length == 0)
        {
            return new NumericField();
        }

        // Browsers post number inputs with a dot; people may still type "1,5" or full-width digits.
        var normalized = text.Normalize(System.Text.NormalizationForm.FormKC).Replace(',', '.');
        if (!decimal.TryParse(normalized, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            error = S["{0} must be a number.", label];
            return null;
        }

        return new NumericField { Value = value };
    }

    protected override IEnumerable<string> Validate(NumericField field, NumericFieldSettings settings, string label)
    {
        foreach (var error in base.Validate(field, settings, label))
        {
            yield return error;
        }

        if (field.Value is not { } value)
        {
            yield break;
        }

        if (settings.Minimum is { } min && value < min)
        {
            yield return S["{0} must be at least {1}.", label, min];
        }

        if (settings.Maximum is { } max && value > max)
        {
            yield return S["{0} must be at most {1}.", label, max];
        }

        if (DecimalPlaces(value) > Math.Max(settings.Scale, 0))
        {
            yield return settings.Scale <= 0
                ? S["{0} must be a whole number.", label]
                : S["{0} can have at most {1} digits after the decimal point.", label, settings.Scale];
        }
    }

    private static int DecimalPlaces(decimal value) => (decimal.GetBits(value / 1.000000000000000000000000000000000m)[3] >> 16) & 0xFF;
}
