using System.Text.RegularExpressions;
using Liaison.Organization.Data;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Import;

/// <summary>
/// Checks every row of a roster against the stored data and the importer's scope. The upload page and the recipe
/// step both come through here, so a file the page refuses a recipe refuses too. Nothing is written.
/// </summary>
internal sealed partial class RosterValidator(IStringLocalizer<RosterValidator> S)
{
    public RosterPreview Validate(RosterKind kind, IEnumerable<RosterRow> rows, RosterContext context)
    {
        var preview = new RosterPreview { Kind = kind };
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var userNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => !r.IsBlank))
        {
            var errors = new List<string>();
            var cells = new RowReader(row, errors, S);
            if (kind == RosterKind.Members)
            {
                var record = MemberRows.Read(cells, context, S);
                CheckDuplicate(record.Number, row, seen, errors);
                if (record.UserName is { } userName && userNames.TryGetValue(userName, out var first))
                {
                    errors.Add(S["the login name {0} is already used in row {1}", userName, first]);
                }
                else if (record.UserName is not null)
                {
                    userNames[record.UserName] = row.Number;
                }

                Add(preview, row, errors, () => preview.Members.Add(record));
            }
            else
            {
                var record = PersonRows.Read(cells, context, S);
                CheckDuplicate(record.Kind + ":" + record.Number, row, seen, errors);
                Add(preview, row, errors, () => preview.Persons.Add(record));
            }
        }

        return preview;
    }

    private void CheckDuplicate(string key, RosterRow row, Dictionary<string, int> seen, List<string> errors)
    {
        if (key.EndsWith(':') || key.Length == 0)
        {
            return;
        }

        if (seen.TryGetValue(key, out var first))
        {
            errors.Add(S["the number is the same as in row {0}", first]);
        }
        else
        {
            seen[key] = row.Number;
        }
    }

    private static void Add(RosterPreview preview, RosterRow row, List<string> errors, Action addValid)
    {
        if (errors.Count == 0)
        {
            addValid();
        }
        else
        {
            preview.Errors.Add(new RowError(row.Number, string.Join("；", errors)));
        }
    }

    /// <summary>School numbers: letters, digits, '-' and '_'.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_\-]{1,50}$")]
    internal static partial Regex NumberPattern();

    /// <summary>Login names as the account pages allow them.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9\-._@+]{1,256}$")]
    internal static partial Regex UserNamePattern();
}

/// <summary>Reads a row's cells, collecting an error for each that is missing, too long or malformed.</summary>
internal sealed class RowReader(RosterRow row, List<string> errors, IStringLocalizer S)
{
    public List<string> Errors => errors;

    public int RowNumber => row.Number;

    public string? Text(string field, string label, int maxLength, bool required = false)
    {
        var value = row[field];
        if (value is null)
        {
            if (required)
            {
                errors.Add(S["{0} is required", label]);
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(S["{0} is longer than {1} characters", label, maxLength]);
            return null;
        }

        return value;
    }

    public string Number(string label)
    {
        var value = Text("Number", label, 50, required: true);
        if (value is not null && !RosterValidator.NumberPattern().IsMatch(value))
        {
            errors.Add(S["{0} \"{1}\" may only contain letters, digits, '-' and '_'", label, value]);
        }

        return value?.ToUpperInvariant() ?? "";
    }

    public string? Gender()
    {
        var value = row["Gender"];
        if (value is null)
        {
            return null;
        }

        var gender = RosterFormats.NormalizeGender(value);
        if (gender is null)
        {
            errors.Add(S["gender \"{0}\" must be 男 or 女", value]);
        }

        return gender;
    }

    /// <summary>The phone to store; null keeps the stored one (empty cell, or the masked form from an export).</summary>
    public string? Phone()
    {
        var value = row["Phone"];
        if (value is null || value.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        var phone = RosterFormats.NormalizePhone(value);
        if (phone is null)
        {
            errors.Add(S["phone \"{0}\" is not a mobile number (11 digits) or a landline with its area code", value]);
        }

        return phone;
    }

    public Unit? Unit(RosterContext context)
    {
        var value = row["Unit"];
        if (value is null)
        {
            return null;
        }

        if (!context.Units.TryGetValue(value, out var unit))
        {
            errors.Add(S["unknown department or teaching section \"{0}\"", value]);
        }

        return unit;
    }

    public string? this[string field] => row[field];
}
