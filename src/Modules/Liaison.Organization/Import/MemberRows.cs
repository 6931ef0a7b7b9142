using Liaison.Organization.Data;
using Microsoft.Extensions.Localization;

namespace Liaison.Organization.Import;

/// <summary>Reads one row of the members roster (党员) into a <see cref="MemberRecord"/>, collecting its errors.</summary>
internal static class MemberRows
{
    public static MemberRecord Read(RowReader cells, RosterContext context, IStringLocalizer S)
    {
        var errors = cells.Errors;
        var record = new MemberRecord
        {
            Row = cells.RowNumber,
            Number = cells.Number(S["staff number (工号)"]),
            Name = cells.Text("Name", S["name"], 100, required: true) ?? "",
            Gender = cells.Gender(),
            PartyPost = cells.Text("PartyPost", S["Party post"], 50) ?? "党员",
            CadrePost = cells.Text("CadrePost", S["administrative post"], 100),
            Subject = cells.Text("Subject", S["subject"], 50),
            ResponsibilityArea = cells.Text("ResponsibilityArea", S["responsibility area"], 500),
            Phone = cells.Phone(),
            Password = cells["Password"],
            Email = cells.Text("Email", S["email"], 256),
        };

        var unit = cells.Unit(context);
        record.UnitName = unit?.Name;
        ReadBranch(cells, context, S, record, unit);
        ReadGroup(cells, context, S, record);

        if (cells["JoinedOn"] is { } joined)
        {
            if (!RosterFormats.TryParseDate(joined, out var date) || date.Year < 1921 || date > DateOnly.FromDateTime(DateTime.UtcNow))
            {
                errors.Add(S["date joined \"{0}\" is not a valid date such as 2010-07-01", joined]);
            }
            else
            {
                record.JoinedOn = date;
            }
        }

        var cadre = RosterFormats.ParseYesNo(cells["IsLeadingCadre"]);
        if (cadre is null)
        {
            errors.Add(S["leading cadre \"{0}\" must be 是 or 否", cells["IsLeadingCadre"] ?? ""]);
        }

        record.IsLeadingCadre = cadre ?? false;

        record.IsNew = !context.Members.TryGetValue(record.Number, out var stored);
        if (!record.IsNew && !context.Scope.ManagesBranch(stored.BranchId))
        {
            // A row on another branch's member gets this one answer, whatever it holds: no other check runs on it, so
            // nothing about that member (branch, account, …) comes back.
            errors.Clear();
            errors.Add(S["this row cannot be imported; ask the Party committee"]);
            return record;
        }

        if (cells["UserName"] is { } userName)
        {
            ReadUserName(cells, context, S, record, userName, stored.UserName);
        }

        return record;
    }

    private static void ReadUserName(RowReader cells, RosterContext context, IStringLocalizer S, MemberRecord record, string userName, string? linked)
    {
        record.UserName = userName;
        if (!RosterValidator.UserNamePattern().IsMatch(userName))
        {
            cells.Errors.Add(S["login name \"{0}\" may only contain letters, digits and - . _ @ +", userName]);
            return;
        }

        if (string.Equals(linked, userName, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var other = context.Members.FirstOrDefault(m => string.Equals(m.Value.UserName, userName, StringComparison.OrdinalIgnoreCase));
        if (other.Key is not null && !string.Equals(other.Key, record.Number, StringComparison.OrdinalIgnoreCase))
        {
            cells.Errors.Add(context.Scope.ManagesBranch(other.Value.BranchId)
                ? S["login name \"{0}\" is already linked to member {1}", userName, other.Key]
                : S["login name \"{0}\" cannot be linked here; ask the Party committee", userName]);
        }
        else if (!context.Scope.AllBranches && context.PrivilegedAccounts.Contains(userName))
        {
            // An account with more than the Member role (an editor's, a secretary's, the administrator's) would give
            // its rights to whoever the row names: the committee decides that, never a branch.
            cells.Errors.Add(S["login name \"{0}\" cannot be linked here; ask the Party committee", userName]);
        }
    }

    private static void ReadBranch(RowReader cells, RosterContext context, IStringLocalizer S, MemberRecord record, Unit? unit)
    {
        var value = cells["Branch"];
        OrganizationIndex? branch;
        if (value is not null)
        {
            branch = context.FindOrganization(value, OrganizationKind.Committee, OrganizationKind.Branch);
            if (branch is null)
            {
                cells.Errors.Add(S["unknown branch \"{0}\"", value]);
                return;
            }
        }
        else
        {
            branch = context.DefaultBranch(unit);
            if (branch is null)
            {
                cells.Errors.Add(S["{0} is required", S["branch"]]);
                return;
            }
        }

        if (!context.Scope.ManagesBranch(branch.ContentItemId))
        {
            cells.Errors.Add(S["you may only import into your own branch, not \"{0}\"", branch.Name]);
        }

        record.BranchId = branch.ContentItemId;
        record.BranchName = branch.Name;
    }

    private static void ReadGroup(RowReader cells, RosterContext context, IStringLocalizer S, MemberRecord record)
    {
        if (cells["Group"] is not { } value || record.BranchId.Length == 0)
        {
            return;
        }

        var group = context.FindOrganization(value, OrganizationKind.Group);
        if (group is null || group.ParentContentItemId != record.BranchId)
        {
            cells.Errors.Add(S["Party group \"{0}\" is not a group of {1}", value, record.BranchName]);
            return;
        }

        record.GroupId = group.ContentItemId;
    }
}
