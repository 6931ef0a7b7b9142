using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Import;

/// <summary>The file cannot be read as a roster at all (wrong type, too big, no header); the message is for the user.</summary>
internal sealed class RosterFileException(string message) : Exception(message);

/// <summary>
/// Reads a roster from an .xlsx or .csv file. The type comes from the bytes, never the name: an .xlsx is a zip
/// package, a .csv is text (UTF-8, or GB18030 as Excel saves it on Chinese Windows); anything else is refused.
/// </summary>
internal sealed class RosterFileReader(IStringLocalizer<RosterFileReader> S)
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 3000;

    /// <summary>
    /// An .xlsx is a zip: 2 MB of it can unpack to gigabytes (a "zip bomb" of shared strings). Each part may unpack to
    /// at most 16 MB and the whole package to 32 MB, counted on the bytes that really come out, not on the sizes the
    /// package claims, before the spreadsheet reader sees it. A 3000-row roster unpacks to a few megabytes.
    /// </summary>
    public const long MaxPartBytes = 16 * 1024 * 1024;
    public const long MaxPackageBytes = 32 * 1024 * 1024;
    public const int MaxPackageEntries = 64;

    static RosterFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<IReadOnlyList<RosterRow>> ReadAsync(Stream input, RosterKind kind, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new RosterFileException(S["The file is larger than {0} MB.", MaxBytes / 1024 / 1024]);
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.ToArray(), kind);
    }

    public IReadOnlyList<RosterRow> Read(byte[] bytes, RosterKind kind)
    {
        if (bytes.Length == 0)
        {
            throw new RosterFileException(S["The file is empty."]);
        }

        var type = Sniff(bytes);
        if (type == ExcelType.XLSX)
        {
            CheckPackage(bytes);
        }

        var data = type == ExcelType.CSV ? ToUtf8(bytes) : bytes;
        List<IDictionary<string, object?>> rows;
        try
        {
            // Rows are read one by one from the stream and reading stops after MaxRows + 1.
            using var stream = new MemoryStream(data, writable: false);
            var configuration = type == ExcelType.CSV ? new CsvConfiguration() : null;
            rows = MiniExcel.Query(stream, useHeaderRow: true, excelType: type, configuration: configuration)
                .Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
        }
        catch (Exception e) when (e is not RosterFileException and not OutOfMemoryException)
        {
            throw new RosterFileException(S["The file could not be read as a spreadsheet. Save it again as .xlsx or .csv from the template."]);
        }

        if (rows.Count > MaxRows)
        {
            throw new RosterFileException(S["The file has more than {0} rows; split it into smaller files.", MaxRows]);
        }

        return ToRows(rows, kind);
    }

    /// <summary>Refuses a package with too many parts or parts that unpack beyond the limits (see <see cref="MaxPartBytes"/>).</summary>
    private void CheckPackage(byte[] bytes)
    {
        var buffer = new byte[81920];
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxPackageEntries)
            {
                throw TooBig();
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxPartBytes || (total += entry.Length) > MaxPackageBytes)
                {
                    throw TooBig();
                }

                // The sizes above are what the package claims; count what really comes out, and stop at the limit.
                using var part = entry.Open();
                long unpacked = 0;
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    unpacked += read;
                    if (unpacked > MaxPartBytes || unpacked > entry.Length)
                    {
                        throw TooBig();
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new RosterFileException(S["The file could not be read as a spreadsheet. Save it again as .xlsx or .csv from the template."]);
        }
    }

    private RosterFileException TooBig()
        => new(S["The file unpacks to more than {0} MB; a roster is far smaller. Save it again from the template.", MaxPackageBytes / 1024 / 1024]);

    private ExcelType Sniff(byte[] bytes)
    {
        if (bytes is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            return ExcelType.XLSX;
        }

        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            throw new RosterFileException(S["Old Excel files (.xls) cannot be read. Save the file as .xlsx and upload it again."]);
        }

        // Text has no NUL bytes; programs, images and documents do within their first bytes.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
        {
            throw new RosterFileException(S["Only .xlsx and .csv files can be imported; this file is neither."]);
        }

        return ExcelType.CSV;
    }

    private static byte[] ToUtf8(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(bytes);
        }

        return Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
    }

    private List<RosterRow> ToRows(List<IDictionary<string, object?>> rows, RosterKind kind)
    {
        if (rows.Count == 0)
        {
            throw new RosterFileException(S["The file has no rows below its header."]);
        }

        var headers = rows[0].Keys.ToList();
        var fields = headers.Select(h => RosterColumns.FieldOf(kind, h)).ToList();
        var missing = RosterColumns.For(kind).Where(c => c.Required && !fields.Contains(c.Field)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            throw new RosterFileException(S["The file lacks the columns {0}. Use the template's first row as the header.", string.Join("、", missing)]);
        }

        var result = new List<RosterRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < headers.Count; c++)
            {
                if (fields[c] is { } field && !values.ContainsKey(field))
                {
                    values[field] = Format(rows[i][headers[c]]);
                }
            }

            // The header is row 1 of the sheet, so the first data row is row 2, as Excel numbers it.
            result.Add(new RosterRow(i + 2, values));
        }

        return result;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number => number.ToString("0.###########", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.###########", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
