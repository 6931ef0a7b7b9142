using LiaisonSite.Core.Import;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Import;

/// <summary>The file cannot be read as a roster at all (wrong type, too big, no header); the message is for the user.</summary>
internal sealed class RosterFileException(string message) : Exception(message);

/// <summary>
/// Reads a roster from an .xlsx or .csv file through the kernel's <see cref="SpreadsheetReader"/> (which checks the
/// type from the bytes and refuses zip bombs), then maps the template's Chinese headers to the roster's fields.
/// </summary>
internal sealed class RosterFileReader(SpreadsheetReader sheets, IStringLocalizer<RosterFileReader> S)
{
    public const long MaxBytes = SpreadsheetReader.MaxBytes;
    public const int MaxRows = 3000;

    public async Task<IReadOnlyList<RosterRow>> ReadAsync(Stream input, RosterKind kind, CancellationToken cancellationToken = default)
    {
        try
        {
            return ToRows(await sheets.ReadAsync(input, MaxRows, cancellationToken), kind);
        }
        catch (SpreadsheetFileException e)
        {
            throw new RosterFileException(e.Message);
        }
    }

    public IReadOnlyList<RosterRow> Read(byte[] bytes, RosterKind kind)
    {
        try
        {
            return ToRows(sheets.Read(bytes, MaxRows), kind);
        }
        catch (SpreadsheetFileException e)
        {
            throw new RosterFileException(e.Message);
        }
    }

    private List<RosterRow> ToRows(IReadOnlyList<SpreadsheetRow> rows, RosterKind kind)
    {
        var headers = rows[0].Cells.Keys.ToList();
        var fields = headers.Select(h => RosterColumns.FieldOf(kind, h)).ToList();
        var missing = RosterColumns.For(kind).Where(c => c.Required && !fields.Contains(c.Field)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            throw new RosterFileException(S["The file lacks the columns {0}. Use the template's first row as the header.", string.Join("、", missing)]);
        }

        var result = new List<RosterRow>(rows.Count);
        foreach (var row in rows)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < headers.Count; c++)
            {
                if (fields[c] is { } field && !values.ContainsKey(field))
                {
                    values[field] = row.Cells[headers[c]];
                }
            }

            result.Add(new RosterRow(row.Number, values));
        }

        return result;
    }
}
