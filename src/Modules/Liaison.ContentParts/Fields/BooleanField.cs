using LiaisonSite.Core.Display;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

public sealed class BooleanField
{
    public bool Value { get; set; }
}

public sealed class BooleanFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    /// <summary>Text next to the check box; the field's display name when empty.</summary>
    public string? Label { get; set; }

    public bool DefaultValue { get; set; }

    /// <summary>
    /// An editorial setting (推荐 on the home page, shown first in a column): it steers lists and ordering and is set in
    /// the editor, but is never shown on the item's public page.
    /// </summary>
    public bool Editorial { get; set; }

    // A check box cannot be "required" in a meaningful way: unchecked is a value.
    bool IFieldSettings.Required => false;
}

internal sealed class BooleanFieldDriver(IStringLocalizer<BooleanFieldDriver> localizer) : FieldDriver<BooleanField, BooleanFieldSettings>(localizer)
{
    protected override bool IsEmpty(BooleanField field) => false;

    // An editorial flag is no part of what the public reads ("在首页推荐 是").
    public override DisplayResult? BuildDisplay(FieldDisplayContext context)
        => SettingsOf(context.Field).Editorial ? null : base.BuildDisplay(context);

    protected override BooleanField NewField(BooleanFieldSettings settings) => new() { Value = settings.DefaultValue };

    protected override BooleanField? ReadForm(FieldUpdateContext context, BooleanFieldSettings settings, string label, out string? error)
    {
        error = null;

        // The check box posts "true" before its hidden "false", so any "true" means checked.
        var values = context.Form[$"{context.Prefix}.Value"];
        return new BooleanField { Value = values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || v == "on") };
    }
}
