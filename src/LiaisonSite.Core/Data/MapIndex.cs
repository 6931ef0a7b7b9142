namespace LiaisonSite.Core.Data;

/// <summary>
/// A row of a module's index table, written from one content item version by an
/// <see cref="ContentManagement.IIndexProvider"/> in the same transaction as the version.
/// </summary>
public abstract class MapIndex
{
    public long Id { get; set; }

    /// <summary>The version the row was mapped from.</summary>
    public string ContentItemVersionId { get; set; } = "";
}
