using LiaisonSite.Core.Data;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// Maps a content item version to rows of an index table, like a YesSql map index. The rows of a version
/// are replaced whenever the version is saved; a version that is neither latest nor published usually maps
/// to nothing, which removes its rows.
/// </summary>
public interface IIndexProvider
{
    Type IndexType { get; }

    IEnumerable<MapIndex> Map(ContentItem item);
}

/// <summary>Convenience base for an index provider of one index type.</summary>
public abstract class IndexProvider<TIndex> : IIndexProvider where TIndex : MapIndex
{
    public Type IndexType => typeof(TIndex);

    IEnumerable<MapIndex> IIndexProvider.Map(ContentItem item) => Map(item);

    public abstract IEnumerable<TIndex> Map(ContentItem item);
}
