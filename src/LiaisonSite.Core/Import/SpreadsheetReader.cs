using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace LiaisonSite.Core.Import;

/// <summary>The file cannot be read as a spreadsheet at all (wrong type, too big, no header); the message is for the user.</summary>
public sealed class SpreadsheetFileException(string message) : Exception(message);

/// <summary>One data row: its number as Excel shows it (the header is row 1) and its cells by header, as text.</summary>
public sealed record SpreadsheetRow(int Number, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// Reads an uploaded .xlsx or .csv safely, for every import of the site (rosters, personnel events). The type comes from
/// the bytes, never the name: an .xlsx is a zip package, a .csv is text (UTF-8, or GB18030 as Excel saves it on Chinese
/// Windows); anything else is refused with a message for the user.
/// </summary>
public sealed class SpreadsheetReader(IStringLocalizer<SpreadsheetReader> S)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>
    /// An .xlsx is a zip: 2 MB of it can unpack to gigabytes (a "zip bomb" of shared strings). Each part may unpack to
    /// at most 16 MB and the whole package to 32 MB, counted on the bytes that really come out, not on the sizes the
    /// package claims, before the spreadsheet reader sees it. A sheet of 3000 rows unpacks to a few megabytes.
    /// </summary>
    public const long MaxPartBytes = 16 * 1024 * 1024;
    public const long MaxPackageBytes = 32 * 1024 * 1024;
    public const int MaxPackageEntries = 64;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads at most <see cref="MaxBytes"/> from <paramref name="input"/>, then the rows as <see cref="Read"/>.</summary>
    public async Task<IReadOnlyList<SpreadsheetRow>> ReadAsync(Stream input, int maxRows, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new SpreadsheetFileException(S["The file is larger than {0} MB.", MaxBytes / 1024 / 1024]);
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.ToArray(), maxRows);
    }

    /// <summary>The rows below the header (at least one), each cell as text; more than <paramref name="maxRows"/> is refused.</summary>
    public IReadOnlyList<SpreadsheetRow> Read(byte[] bytes, int maxRows)
    {
        if (bytes.Length == 0)
        {
            throw new SpreadsheetFileException(S["The file is empty."]);
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
            // Rows are read one by one from the stream and reading stops after maxRows + 1.
            using var stream = new MemoryStream(data, writable: false);
            var configuration = type == ExcelType.CSV ? new CsvConfiguration() : null;
            rows = MiniExcel.Query(stream, useHeaderRow: true, excelType: type, configuration: configuration)
                .Cast<IDictionary<string, object?>>().Take(maxRows + 1).ToList();
        }
        catch (Exception e) when (e is not SpreadsheetFileException and not OutOfMemoryException)
        {
            throw new SpreadsheetFileException(S["The file could not be read as a spreadsheet. Save it again as .xlsx or .csv from the template."]);
        }

        if (rows.Count > maxRows)
        {
            throw new SpreadsheetFileException(S["The file has more than {0} rows; split it into smaller files.", maxRows]);
        }

        if (rows.Count == 0)
        {
            throw new SpreadsheetFileException(S["The file has no rows below its header."]);
        }

        // The header is row 1 of the sheet, so the first data row is row 2, as Excel numbers it.
        return [.. rows.Select((row, i) => new SpreadsheetRow(i + 2,
            row.ToDictionary(c => c.Key.Trim(), c => Format(c.Value), StringComparer.OrdinalIgnoreCase)))];
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
            throw new SpreadsheetFileException(S["The file could not be read as a spreadsheet. Save it again as .xlsx or .csv from the template."]);
        }
    }

    private SpreadsheetFileException TooBig()
        => new(S["The file unpacks to more than {0} MB; an import is far smaller. Save it again from the template.", MaxPackageBytes / 1024 / 1024]);

    private ExcelType Sniff(byte[] bytes)
    {
        if (bytes is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            return ExcelType.XLSX;
        }

        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            throw new SpreadsheetFileException(S["Old Excel files (.xls) cannot be read. Save the file as .xlsx and upload it again."]);
        }

        // Text has no NUL bytes; programs, images and documents do within their first bytes.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
        {
            throw new SpreadsheetFileException(S["Only .xlsx and .csv files can be imported; this file is neither."]);
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
