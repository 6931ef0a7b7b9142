namespace Liaison.Organization.Import;

internal sealed class RosterImportViewModel
{
    public RosterKind Kind { get; init; }

    public long MaxBytes { get; init; } = RosterFileReader.MaxBytes;

    public int MaxRows { get; init; } = RosterFileReader.MaxRows;
}

internal sealed class RosterPreviewViewModel
{
    public required string Token { get; init; }

    public required string FileName { get; init; }

    public required RosterPreview Preview { get; init; }

    public int NewCount => Preview.Members.Count(m => m.IsNew) + Preview.Persons.Count(p => p.IsNew);

    public int UpdateCount => Preview.ValidCount - NewCount;
}

/// <summary>The route value of a roster kind: "members" or "persons".</summary>
internal static class RosterKinds
{
    public static RosterKind? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "members" => RosterKind.Members,
        "persons" => RosterKind.Persons,
        _ => null,
    };

    public static string Slug(this RosterKind kind) => kind == RosterKind.Members ? "members" : "persons";
}

/// <summary>An uploaded roster waiting for the user's confirmation: who uploaded it, which roster, the rows read.</summary>
internal sealed record RosterUpload(string Owner, RosterKind Kind, string FileName, List<RosterUploadRow> Rows);

internal sealed record RosterUploadRow(int Number, Dictionary<string, string> Values);
