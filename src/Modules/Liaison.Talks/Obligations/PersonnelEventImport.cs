using System.Globalization;
using System.Security.Claims;
using Liaison.Organization.Contracts;
using Liaison.Talks.Data;
using Liaison.Talks.Parts;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Import;
using LiaisonSite.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Liaison.Talks.Obligations;

/// <summary>An uploaded file of personnel events waiting for the user's confirmation.</summary>
public sealed record PersonnelEventUpload(string FileName, List<PersonnelEventUploadRow> Rows);

public sealed record PersonnelEventUploadRow(int Number, Dictionary<string, string> Cells);

/// <summary>One row of the preview: what it says, and either the members a talk falls due for or why it cannot be recorded.</summary>
public sealed record PersonnelEventPreviewRow(
    int Number, string PersonNumber, string? PersonName, int Kind, string? Date, string? Note, IReadOnlyList<string> Members,
    IReadOnlyList<string> Errors, PersonnelEventInput? Input)
{
    public bool IsValid => Errors.Count == 0 && Input is not null;
}

public sealed record PersonnelEventPreview(IReadOnlyList<PersonnelEventPreviewRow> Rows)
{
    public int ValidCount => Rows.Count(r => r.IsValid);

    public int ErrorCount => Rows.Count - ValidCount;
}

/// <summary>
/// 五必谈 from the personnel office's file (.xlsx or .csv): upload → preview (each row checked exactly as the form checks
/// one event, plus unknown numbers, names that do not match the roster and events already recorded) → confirm records
/// the valid rows. The columns, in Chinese as the office writes them: 学号/工号 and 事件类别 and 日期 are required;
/// 类别(教职工/学生), 姓名 (checked against the roster), 说明 and 谈话党员工号 are optional.
/// </summary>
public sealed class PersonnelEventImport(
    SpreadsheetReader sheets, ObligationService obligations, IRosterQueries roster, LiaisonDbContext db, TalkText text,
    IStringLocalizer<PersonnelEventImport> S)
{
    public const int MaxRows = 1000;

    internal const string NumberColumn = "学号/工号";
    internal const string PersonKindColumn = "类别(教职工/学生)";
    internal const string NameColumn = "姓名";
    internal const string KindColumn = "事件类别";
    internal const string DateColumn = "日期";
    internal const string NoteColumn = "说明";
    internal const string MemberColumn = "谈话党员工号";

    private static readonly Dictionary<string, string[]> s_aliases = new()
    {
        [NumberColumn] = ["学号/工号", "工号", "学号", "工号/学号", "人员编号", "Number"],
        [PersonKindColumn] = ["类别(教职工/学生)", "类别", "人员类别", "Person kind"],
        [NameColumn] = ["姓名", "Name"],
        [KindColumn] = ["事件类别", "事件", "事由", "Event"],
        [DateColumn] = ["日期", "事件日期", "Date"],
        [NoteColumn] = ["说明", "备注", "Note"],
        [MemberColumn] = ["谈话党员工号", "谈话党员", "Member number"],
    };

    /// <summary>Words the personnel office writes for each occasion, besides the number and the full name.</summary>
    private static readonly Dictionary<int, string[]> s_words = new()
    {
        [TalkOccasions.JobChange] = ["职务变动", "岗位变动", "工作调动", "调动", "晋升", "提拔", "降职", "退休"],
        [TalkOccasions.RewardOrPunishment] = ["表彰", "奖励", "批评", "处分", "奖惩"],
        [TalkOccasions.Setback] = ["挫折", "受挫", "困难"],
        [TalkOccasions.ConductProblem] = ["违纪", "作风", "举报", "信访"],
        [TalkOccasions.AppraisalFeedback] = ["考核", "评议", "反馈"],
    };

    /// <summary>Reads the file; throws <see cref="SpreadsheetFileException"/> with a message for the user.</summary>
    public async Task<PersonnelEventUpload> ReadAsync(Stream file, string fileName, CancellationToken cancellationToken)
    {
        var rows = await sheets.ReadAsync(file, MaxRows, cancellationToken);
        var headers = rows[0].Cells.Keys.ToList();
        var columns = s_aliases.ToDictionary(a => a.Key, a => headers.FirstOrDefault(h => a.Value.Contains(h, StringComparer.OrdinalIgnoreCase)));
        var missing = new[] { NumberColumn, KindColumn, DateColumn }.Where(c => columns[c] is null).ToList();
        if (missing.Count > 0)
        {
            throw new SpreadsheetFileException(S["The file lacks the columns {0}. Use the template's first row as the header.", string.Join("、", missing)]);
        }

        return new(Path.GetFileName(fileName), [.. rows.Select(r => new PersonnelEventUploadRow(r.Number,
            columns.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => r.Cells[c.Value!].Trim())))]);
    }

    /// <summary>Checks every row for <paramref name="user"/>, as the preview shows it and as confirming records it.</summary>
    public async Task<PersonnelEventPreview> CheckAsync(ClaimsPrincipal user, PersonnelEventUpload upload)
    {
        var scope = await roster.ScopeAsync(user);
        var numbers = upload.Rows.Select(r => Cell(r, NumberColumn)).Where(n => n.Length > 0).Distinct().ToList();
        var persons = await roster.ManagedPersons(scope).Where(p => numbers.Contains(p.Number))
            .Select(p => new { p.Id, p.Number, p.Name, p.Kind, p.BranchId }).ToListAsync();
        var memberNumbers = upload.Rows.Select(r => Cell(r, MemberColumn)).Where(n => n.Length > 0).Distinct().ToList();
        var members = await roster.ManagedMembers(scope).Where(m => memberNumbers.Contains(m.Number)).ToDictionaryAsync(m => m.Number, m => m.Id);
        var memberNames = new Dictionary<int, string>();
        var seen = new HashSet<(int, int, DateOnly)>();
        var result = new List<PersonnelEventPreviewRow>();
        foreach (var row in upload.Rows)
        {
            var errors = new List<string>();
            var number = Cell(row, NumberColumn);
            var candidates = persons.Where(p => p.Number == number).ToList();
            if (ParsePersonKind(Cell(row, PersonKindColumn)) is { } personKind)
            {
                candidates = [.. candidates.Where(p => p.Kind == personKind)];
            }

            var person = candidates.Count == 1 ? candidates[0] : null;
            if (number.Length == 0)
            {
                errors.Add(S["The number (学号/工号) is empty."]);
            }
            else if (candidates.Count == 0)
            {
                errors.Add(S["No person of the branches you manage has the number {0}.", number]);
            }
            else if (person is null)
            {
                errors.Add(S["A member of staff and a student both have the number {0}: fill in the column {1}.", number, PersonKindColumn]);
            }
            else if (Cell(row, NameColumn) is { Length: > 0 } name && name != person.Name)
            {
                errors.Add(S["The name {0} is not the roster's name for {1}.", name, number]);
                person = null;
            }

            var kind = ParseKind(Cell(row, KindColumn));
            if (kind == 0)
            {
                errors.Add(S["“{0}” is not one of the five occasions: write 1 to 5 or the occasion's name.", Cell(row, KindColumn)]);
            }

            var rawDate = Cell(row, DateColumn);
            DateOnly? date = ParseDate(rawDate);
            if (date is null)
            {
                errors.Add(S["“{0}” is not a date such as 2026-09-01.", rawDate]);
            }

            int? memberId = null;
            if (Cell(row, MemberColumn) is { Length: > 0 } memberNumber)
            {
                if (members.TryGetValue(memberNumber, out var id))
                {
                    memberId = id;
                }
                else
                {
                    errors.Add(S["No member of the branches you manage has the number {0}.", memberNumber]);
                }
            }

            PersonnelEventInput? input = null;
            var talkers = new List<string>();
            if (person is not null && errors.Count == 0)
            {
                input = new PersonnelEventInput(person.Id, kind, date, NullIfEmpty(Cell(row, NoteColumn)), memberId);
                var check = await obligations.CheckAsync(user, input);
                errors.AddRange(check.Errors.Values);
                if (check.Errors.Count == 0)
                {
                    foreach (var (mid, _) in check.Members)
                    {
                        if (!memberNames.TryGetValue(mid, out var label))
                        {
                            label = await roster.Members().Where(m => m.Id == mid).Select(m => m.Name + " (" + m.Number + ")").FirstAsync();
                            memberNames[mid] = label;
                        }

                        talkers.Add(label);
                    }

                    if (!seen.Add((person.Id, kind, date!.Value)))
                    {
                        errors.Add(S["The same event is in an earlier row of the file."]);
                    }
                    else if (await db.Set<PersonnelEvent>().AnyAsync(e => e.PersonId == person.Id && e.Kind == kind && e.Date == date))
                    {
                        errors.Add(S["This event is already recorded."]);
                    }
                }
            }

            result.Add(new(row.Number, number, person?.Name ?? NullIfEmpty(Cell(row, NameColumn)), kind,
                date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? NullIfEmpty(rawDate), NullIfEmpty(Cell(row, NoteColumn)),
                talkers, errors, errors.Count == 0 ? input : null));
        }

        return new(result);
    }

    /// <summary>An empty template: the header row and one example row.</summary>
    public byte[] Template()
    {
        var example = new Dictionary<string, object>
        {
            [PersonKindColumn] = "教职工", [NumberColumn] = "J001", [NameColumn] = "李明",
            [KindColumn] = SiteLanguage.Write(() => text.Occasion(TalkOccasions.JobChange)), [DateColumn] = "2026-09-01",
            [NoteColumn] = "任高一年级组长", [MemberColumn] = "",
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { example }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>1–5, the occasion's name in Chinese or English, or one of the words the office writes for it.</summary>
    public int ParseKind(string value)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return TalkOccasions.IsMandatory(n) ? n : 0;
        }

        foreach (var o in TalkOccasions.Mandatory)
        {
            if (value == SiteLanguage.Write(() => text.Occasion(o)) || string.Equals(value, English(o), StringComparison.OrdinalIgnoreCase))
            {
                return o;
            }
        }

        var matches = s_words.Where(w => w.Value.Any(value.Contains)).Select(w => w.Key).ToList();
        return matches.Count == 1 ? matches[0] : 0;
    }

    private string English(int occasion) => SiteLanguage.In(CultureInfo.GetCultureInfo("en-US"), () => text.Occasion(occasion));

    private static PersonKind? ParsePersonKind(string value) => value switch
    {
        "教职工" or "教工" or "Staff" => PersonKind.Staff,
        "学生" or "Student" => PersonKind.Student,
        _ => null,
    };

    private static DateOnly? ParseDate(string value)
        => DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;

    private static string Cell(PersonnelEventUploadRow row, string column) => row.Cells.TryGetValue(column, out var v) ? v : "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
