using LiaisonSite.Core.ContentManagement.Metadata;

namespace Liaison.Search.Indexing;

/// <summary>The display name of each content type, indexed with its items so that 典型事例 finds the typical examples.</summary>
public interface ITypeNameSource
{
    Task<IReadOnlyDictionary<string, string>> GetDisplayNamesAsync();
}

internal sealed class DefinitionTypeNameSource(IContentDefinitionManager definitions) : ITypeNameSource
{
    public async Task<IReadOnlyDictionary<string, string>> GetDisplayNamesAsync()
        => (await definitions.ListTypesAsync()).ToDictionary(t => t.Name, t => t.DisplayName);
}
