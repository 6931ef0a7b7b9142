using System.Text.RegularExpressions;

namespace Liaison.Organization.Import;

/// <summary>Which roster a file holds: 党员 or 群众 (教职工 and 学生).</summary>
internal enum RosterKind
{
    Members = 0,
    Persons = 1,
}

/// <summary>One column of a roster: the field it fills, the Chinese header shown in templates, and what else is accepted.</summary>
internal sealed record RosterColumn(string Field, string Header, bool Required, params string[] Aliases);

/// <summary>
/// The columns of both rosters. Files use the Chinese headers (the template's), recipes may use the field names;
/// headers match after spaces and a trailing "(…)" hint are dropped, in any case.
/// </summary>
internal static partial class RosterColumns
{
    public static readonly IReadOnlyList<RosterColumn> Members =
    [
        new("Number", "工号", true, "学号/工号", "编号"),
        new("Name", "姓名", true),
        new("Gender", "性别", false),
        new("Branch", "所在支部", false, "支部", "BranchId"),
        new("Group", "党小组", false, "GroupId"),
        new("JoinedOn", "入党日期", false, "入党时间"),
        new("PartyPost", "党内职务", false),
        new("IsLeadingCadre", "领导干部(是/否)", false, "领导干部", "LeadingCadre"),
        new("CadrePost", "行政职务", false),
        new("Unit", "所在部门/教研室", false, "所在部门", "部门", "教研室", "UnitName"),
        new("Subject", "学科", false),
        new("ResponsibilityArea", "责任区", false),
        new("Phone", "手机", false, "手机号", "电话", "联系电话"),
        new("UserName", "登录名", false, "账号", "用户名"),
        new("Email", "邮箱", false, "电子邮箱"),
        new("Password", "初始密码", false, "密码"),
    ];

    public static readonly IReadOnlyList<RosterColumn> Persons =
    [
        new("Kind", "类别(教职工/学生)", true, "类别", "人员类别"),
        new("Number", "学号/工号", true, "学号", "工号", "编号"),
        new("Name", "姓名", true),
        new("Gender", "性别", false),
        new("Branch", "所在支部", false, "支部", "联系支部", "BranchId"),
        new("Unit", "所在部门/教研室", false, "所在部门", "部门", "教研室", "UnitName"),
        new("Post", "岗位", false, "职务"),
        new("Subject", "学科", false),
        new("Grade", "年级", false),
        new("ClassName", "班级", false, "Class"),
        new("Phone", "手机", false, "手机号", "电话", "联系电话"),
        new("IdNumber", "身份证号", false, "身份证", "身份证号码"),
    ];

    public static IReadOnlyList<RosterColumn> For(RosterKind kind) => kind == RosterKind.Members ? Members : Persons;

    /// <summary>The field a header names, or null for a column the roster does not know (it is ignored).</summary>
    public static string? FieldOf(RosterKind kind, string header)
    {
        var key = Normalize(header);
        foreach (var column in For(kind))
        {
            if (Normalize(column.Header) == key || Normalize(column.Field) == key || column.Aliases.Any(a => Normalize(a) == key))
            {
                return column.Field;
            }
        }

        return null;
    }

    private static string Normalize(string header)
        => Hint().Replace(Spaces().Replace(header, ""), "").ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>A trailing hint such as "(是/否)" or "（教职工/学生）".</summary>
    [GeneratedRegex(@"[(（][^)）]*[)）]$")]
    private static partial Regex Hint();
}
