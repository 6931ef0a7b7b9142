namespace Liaison.Organization.Import;

/// <summary>
/// One row as read, by field name. <see cref="Number"/> is what the user sees: the spreadsheet row (the header is
/// row 1), or the entry's position in a recipe's inline array.
/// </summary>
internal sealed class RosterRow(int number, IReadOnlyDictionary<string, string> values)
{
    public int Number { get; } = number;

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    /// <summary>The trimmed value, or null when the cell is empty or the column is missing.</summary>
    public string? this[string field]
        => Values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public bool IsBlank => Values.Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>A row that cannot be imported: shown as "第 N 行：原因".</summary>
internal sealed record RowError(int Row, string Message);

/// <summary>A valid member row, ready to be written (upserted by <see cref="Number"/>).</summary>
internal sealed class MemberRecord
{
    public int Row { get; set; }

    public bool IsNew { get; set; }

    public string Number { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Gender { get; set; }

    public string BranchId { get; set; } = "";

    public string BranchName { get; set; } = "";

    public string? GroupId { get; set; }

    public DateOnly? JoinedOn { get; set; }

    public string PartyPost { get; set; } = "党员";

    public bool IsLeadingCadre { get; set; }

    public string? CadrePost { get; set; }

    public string? UnitName { get; set; }

    public string? Subject { get; set; }

    public string? ResponsibilityArea { get; set; }

    /// <summary>The full number; null keeps what is stored (an empty or already masked cell).</summary>
    public string? Phone { get; set; }

    public string? UserName { get; set; }

    /// <summary>For a new account; without one the account gets an address of the reserved .invalid domain.</summary>
    public string? Email { get; set; }

    /// <summary>Only recipes set passwords; the upload page never reads this column.</summary>
    public string? Password { get; set; }
}

/// <summary>A valid row of the masses roster, upserted by kind and number.</summary>
internal sealed class PersonRecord
{
    public int Row { get; set; }

    public bool IsNew { get; set; }

    public Contracts.PersonKind Kind { get; set; }

    public string Number { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Gender { get; set; }

    public string? BranchId { get; set; }

    public string? BranchName { get; set; }

    public string? UnitName { get; set; }

    public string? Post { get; set; }

    public string? Subject { get; set; }

    public string? Grade { get; set; }

    public string? ClassName { get; set; }

    public string? Phone { get; set; }

    public string? IdNumber { get; set; }
}

/// <summary>The outcome of reading and checking a roster: the valid rows and an error for each other row.</summary>
internal sealed class RosterPreview
{
    public RosterKind Kind { get; set; }

    public List<MemberRecord> Members { get; set; } = [];

    public List<PersonRecord> Persons { get; set; } = [];

    public List<RowError> Errors { get; set; } = [];

    public int ValidCount => Kind == RosterKind.Members ? Members.Count : Persons.Count;
}
