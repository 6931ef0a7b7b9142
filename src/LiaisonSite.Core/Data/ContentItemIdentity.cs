namespace LiaisonSite.Core.Data;

/// <summary>
/// Every ContentItemId ever used, with the type and owner it was created with. Rows are never deleted, so an id
/// keeps its identity after the item is removed: a new item may take a used id only with the same type and owner
/// (re-creating it), never another type's or another owner's (its old versions would become theirs). The primary
/// key also stops two requests from creating the same new id at once.
/// </summary>
public sealed class ContentItemIdentity
{
    public string ContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string Owner { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
