namespace Liaison.Publicity.Listing;

/// <summary>What a public list shows of one published item. <see cref="Url"/> is null when it has no public address.</summary>
public sealed record ContentSummary(
    string ContentItemId,
    string ContentType,
    string Title,
    string? Url,
    string? Summary,
    DateOnly? Date,
    IReadOnlyList<string> Branches,
    bool Featured,
    Liaison.ContentParts.Fields.MediaImageModel? Photo = null);

/// <summary>A party branch offered by the branch selector of /news.</summary>
public sealed record BranchOption(string ContentItemId, string Name);
