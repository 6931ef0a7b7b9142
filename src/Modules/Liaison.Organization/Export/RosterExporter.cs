using System.Globalization;
using Liaison.Organization.Data;
using Liaison.Organization.Import;
using Liaison.Organization.Services;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Liaison.Organization.Export;

/// <summary>
/// Writes a roster as .xlsx with the import template's headers, so an exported file can be edited and imported
/// again (masked phones in it are read as "unchanged"). Rows come only from the user's scope. Phones and ID numbers
/// are masked unless <paramref name="full"/> is asked for by a caller allowed to see them; the caller logs that.
/// </summary>
internal sealed class RosterExporter(OrganizationScope organizations, PersonalDataProtector protector)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<(byte[] Bytes, int Count)> ExportAsync(RosterKind kind, UserScope scope, bool full, CancellationToken cancellationToken = default)
    {
        var names = await organizations.Organizations().ToDictionaryAsync(o => o.ContentItemId, o => o.Name, cancellationToken);
        var rows = kind == RosterKind.Members
            ? await MembersAsync(scope, names, full, cancellationToken)
            : await PersonsAsync(scope, names, full, cancellationToken);
        return (Write(kind, rows), rows.Count);
    }

    /// <summary>The empty template with one example row, so users see what each column expects.</summary>
    public static byte[] Template(RosterKind kind)
    {
        var example = kind == RosterKind.Members
            ? new[] { "D150", "张三", "男", "第一党支部", "", "2015-07-01", "党员", "否", "", "语文教研室", "语文", "高一(2)班", "13800001234", "", "", "" }
            : ["学生", "S500", "李四", "女", "第一党支部", "", "", "", "高一", "2班", "", ""];
        var columns = RosterColumns.For(kind).Where(c => c.Field != "Password").ToList();
        var row = columns.Select((c, i) => (c.Header, Value: i < example.Length ? example[i] : "")).ToDictionary(x => x.Header, x => (object?)x.Value);
        return Write(kind, [row]);
    }

    private async Task<List<Dictionary<string, object?>>> MembersAsync(
        UserScope scope, Dictionary<string, string> names, bool full, CancellationToken cancellationToken)
    {
        var members = await organizations.ManagedMembers(scope).AsNoTracking().Include(m => m.Unit)
            .OrderBy(m => m.BranchId).ThenBy(m => m.Number).ToListAsync(cancellationToken);
        return members.Select(m => Row(RosterKind.Members,
            m.Number, m.Name, m.Gender, Name(names, m.BranchId), Name(names, m.GroupId),
            m.JoinedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.PartyPost, m.IsLeadingCadre ? "是" : "否",
            m.CadrePost, m.Unit?.Name, m.Subject, m.ResponsibilityArea, Personal(m.Phone, full), m.UserName, "")).ToList();
    }

    private async Task<List<Dictionary<string, object?>>> PersonsAsync(
        UserScope scope, Dictionary<string, string> names, bool full, CancellationToken cancellationToken)
    {
        var persons = await organizations.ManagedPersons(scope).AsNoTracking().Include(p => p.Unit)
            .OrderBy(p => p.Kind).ThenBy(p => p.Number).ToListAsync(cancellationToken);
        return persons.Select(p => Row(RosterKind.Persons,
            p.Kind == PersonKind.Student ? "学生" : "教职工", p.Number, p.Name, p.Gender, Name(names, p.BranchId),
            p.Unit?.Name, p.Post, p.Subject, p.Grade, p.ClassName, Personal(p.Phone, full), Personal(p.IdNumber, full))).ToList();
    }

    private string? Personal(ProtectedValue value, bool full) => full ? protector.Reveal(value) ?? value.Masked : value.Masked;

    private static string? Name(Dictionary<string, string> names, string? id)
        => id is null ? null : names.GetValueOrDefault(id, id);

    private static Dictionary<string, object?> Row(RosterKind kind, params string?[] values)
    {
        var columns = RosterColumns.For(kind).Where(c => c.Field != "Password").ToList();
        return columns.Select((c, i) => (c.Header, Value: i < values.Length ? values[i] : null))
            .ToDictionary(x => x.Header, x => (object?)(x.Value ?? ""));
    }

    private static byte[] Write(RosterKind kind, List<Dictionary<string, object?>> rows)
    {
        if (rows.Count == 0)
        {
            // A header row even when there is nothing to export.
            rows.Add(RosterColumns.For(kind).Where(c => c.Field != "Password").ToDictionary(c => c.Header, _ => (object?)""));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
