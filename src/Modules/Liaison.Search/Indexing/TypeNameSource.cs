using Liaison.Contents.Security;
using LiaisonSite.Core.ContentManagement.Metadata;

namespace Liaison.Search.Indexing;

/// <summary>The display name of each content type, indexed with its items so that 典型事例 finds the typical examples.</summary>
public interface ITypeNameSource
{
    Task<IReadOnlyDictionary<string, string>> GetDisplayNamesAsync();

    /// <summary>Types never indexed at all.</summary>
    IReadOnlySet<string> UnindexedTypes => new HashSet<string>();
}

/// <summary>
/// Types governed by an <see cref="IContentAccessScope"/> (contact assignments …) are never indexed: their text is
/// personal data whose every view is scoped and audited, so it must not sit in index files or admin snippets.
/// </summary>
internal sealed class DefinitionTypeNameSource(IContentDefinitionManager definitions, IEnumerable<IContentAccessScope> scopes)
    : ITypeNameSource
{
    public async Task<IReadOnlyDictionary<string, string>> GetDisplayNamesAsync()
        => (await definitions.ListTypesAsync()).ToDictionary(t => t.Name, t => t.DisplayName);

    public IReadOnlySet<string> UnindexedTypes { get; } = scopes.SelectMany(s => s.ContentTypes).ToHashSet();
}
