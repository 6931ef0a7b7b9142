using Liaison.Contents.Services;

namespace Liaison.Search.Indexing;

/// <summary>The types whose published items the public may find: the same rule as the public pages and the API.</summary>
public interface IPublicTypeSource
{
    Task<IReadOnlySet<string>> PublicTypesAsync();
}

internal sealed class ContentQueriesPublicTypeSource(ContentQueries queries) : IPublicTypeSource
{
    public async Task<IReadOnlySet<string>> PublicTypesAsync() => (await queries.PublicTypesAsync()).ToHashSet();
}
