using System.Globalization;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Time;
using Microsoft.Extensions.Localization;

namespace Liaison.ContentParts.Fields;

/// <summary>A calendar date (no time of day), stored as midnight UTC like Orchard.</summary>
public sealed class DateField
{
    public DateTime? Value { get; set; }
}

public sealed class DateFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    public bool Required { get; set; }
}

/// <summary>A moment, stored in UTC and edited and shown in the school's time zone.</summary>
public sealed class DateTimeField
{
    public DateTime? Value { get; set; }
}

public sealed class DateTimeFieldSettings : IFieldSettings
{
    public string? Hint { get; set; }

    public bool Required { get; set; }
}

internal sealed class DateFieldDriver(IStringLocalizer<DateFieldDriver> localizer) : FieldDriver<DateField, DateFieldSettings>(localizer)
{
    private static readonly string[] s_formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"];

    protected override bool IsEmpty(DateField field) => field.Value is null;

    protected override DateField? ReadForm(FieldUpdateContext context, DateFieldSettings settings, string label, out string? error)
    {
        error = null;
        var text = Posted(context, "Value");
        if (text.Length == 0)
        {
            return new DateField();
        }

        if (!DateTime.TryParseExact(text, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = S["{0} must be a date such as 2026-03-15.", label];
            return null;
        }

        return new DateField { Value = DateTime.SpecifyKind(date.Date, DateTimeKind.Utc) };
    }
}

internal sealed class DateTimeFieldDriver(IStringLocalizer<DateTimeFieldDriver> localizer, ISchoolClock clock)
    : FieldDriver<DateTimeField, DateTimeFieldSettings>(localizer)
{
    private static readonly string[] s_formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm"];

    protected override bool IsEmpty(DateTimeField field) => field.Value is null;

    protected override DateTimeField? ReadForm(FieldUpdateContext context, DateTimeFieldSettings settings, string label, out string? error)
    {
        error = null;
        var text = Posted(context, "Value");
        if (text.Length == 0)
        {
            return new DateTimeField();
        }

        if (!DateTime.TryParseExact(text, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = S["{0} must be a date and time such as 2026-03-15 14:30.", label];
            return null;
        }

        return new DateTimeField { Value = clock.ToUtc(local) };
    }
}
