using Liaison.Organization.Data;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Import;

/// <summary>Reads one row of the masses roster (教职工 or 学生) into a <see cref="PersonRecord"/>, collecting its errors.</summary>
internal static class PersonRows
{
    public static PersonRecord Read(RowReader cells, RosterContext context, IStringLocalizer S)
    {
        var errors = cells.Errors;
        var kind = ReadKind(cells, S);
        var record = new PersonRecord
        {
            Row = cells.RowNumber,
            Kind = kind ?? PersonKind.Staff,
            Number = cells.Number(S["number (学号/工号)"]),
            Name = cells.Text("Name", S["name"], 100, required: true) ?? "",
            Gender = cells.Gender(),
            Post = cells.Text("Post", S["post"], 100),
            Subject = cells.Text("Subject", S["subject"], 50),
            Phone = cells.Phone(),
        };

        var unit = cells.Unit(context);
        record.UnitName = unit?.Name;
        ReadBranch(cells, context, S, record, unit);

        if (cells["Grade"] is { } grade)
        {
            record.Grade = RosterFormats.NormalizeGrade(grade);
            if (record.Grade is null)
            {
                errors.Add(S["grade \"{0}\" is not a grade such as 高一 or 初二", grade]);
            }
        }

        if (cells.Text("ClassName", S["class"], 50) is { } className)
        {
            record.ClassName = RosterFormats.NormalizeClass(className);
        }

        if (kind == PersonKind.Student && (cells["Grade"] is null || record.ClassName is null))
        {
            errors.Add(S["a student needs a grade and a class"]);
        }

        if (cells["IdNumber"] is { } id && !id.Contains('*', StringComparison.Ordinal))
        {
            record.IdNumber = RosterFormats.NormalizeIdNumber(id);
            if (record.IdNumber is null)
            {
                errors.Add(S["ID number \"{0}\" is not a valid 18-digit resident ID number", PersonalDataMask(id)]);
            }
        }

        record.IsNew = !context.Persons.TryGetValue((record.Kind, record.Number), out var storedBranch);
        if (!record.IsNew && !context.Scope.AllBranches && !context.Scope.ManagesBranch(storedBranch))
        {
            // One answer, whatever else the row holds: nothing about another branch's person comes back.
            errors.Clear();
            errors.Add(S["this row cannot be imported; ask the Party committee"]);
        }

        return record;
    }

    /// <summary>Error messages are shown and may be logged: they never repeat a whole ID number.</summary>
    private static string PersonalDataMask(string value) => Services.PersonalDataProtector.Mask(value.Trim());

    private static PersonKind? ReadKind(RowReader cells, IStringLocalizer S)
    {
        var value = cells["Kind"];
        PersonKind? kind = value?.Trim().ToLowerInvariant() switch
        {
            "教职工" or "教师" or "职工" or "staff" => PersonKind.Staff,
            "学生" or "student" => PersonKind.Student,
            _ => null,
        };
        if (kind is null)
        {
            cells.Errors.Add(value is null ? S["{0} is required", S["category"]] : S["category \"{0}\" must be 教职工 or 学生", value]);
        }

        return kind;
    }

    private static void ReadBranch(RowReader cells, RosterContext context, IStringLocalizer S, PersonRecord record, Unit? unit)
    {
        var value = cells["Branch"];
        OrganizationIndex? branch = null;
        if (value is not null)
        {
            branch = context.FindOrganization(value, OrganizationKind.Branch, OrganizationKind.Committee);
            if (branch is null)
            {
                cells.Errors.Add(S["unknown branch \"{0}\"", value]);
                return;
            }
        }
        else
        {
            branch = context.DefaultBranch(unit);
        }

        if (branch is null)
        {
            // The committee may keep people without a branch for now; nobody else could see them.
            if (!context.Scope.AllBranches)
            {
                cells.Errors.Add(S["{0} is required", S["branch"]]);
            }

            return;
        }

        if (!context.Scope.ManagesBranch(branch.ContentItemId))
        {
            cells.Errors.Add(S["you may only import into your own branch, not \"{0}\"", branch.Name]);
        }

        record.BranchId = branch.ContentItemId;
        record.BranchName = branch.Name;
    }
}
