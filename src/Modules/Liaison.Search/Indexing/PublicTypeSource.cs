using Liaison.Contents.Services;
using LiaisonSite.Core.ContentManagement.Metadata;

namespace Liaison.Search.Indexing;

/// <summary>What the indexer needs to know of the types: which are public, and their display names.</summary>
public sealed record SearchTypes(IReadOnlySet<string> Public, IReadOnlyDictionary<string, string> DisplayNames);

/// <summary>The types whose published items the public may find: the same rule as the public pages and the API.</summary>
public interface IPublicTypeSource
{
    Task<SearchTypes> GetTypesAsync();
}

internal sealed class ContentQueriesPublicTypeSource(ContentQueries queries, IContentDefinitionManager definitions) : IPublicTypeSource
{
    public async Task<SearchTypes> GetTypesAsync() => new(
        (await queries.PublicTypesAsync()).ToHashSet(),
        (await definitions.ListTypesAsync()).ToDictionary(t => t.Name, t => t.DisplayName));
}
