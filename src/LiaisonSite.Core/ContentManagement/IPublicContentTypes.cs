using LiaisonSite.Core.ContentManagement.Metadata;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// The one rule of what the public may read, by type. The kernel does not know which parts make a type publicly
/// served (that is the routing module's business: Liaison.ContentParts says "has an AutoroutePart"), so the rule is
/// provided by a module; a Securable type is never public. Pages, feeds, the sitemap, search and the anonymous API ask
/// it. Until a module provides it, no type is public (fail closed).
/// </summary>
public interface IPublicContentTypes
{
    bool IsPublic(ContentTypeDefinition type);
}

internal sealed class NoPublicContentTypes : IPublicContentTypes
{
    public bool IsPublic(ContentTypeDefinition type) => false;
}

public static class PublicContentTypesExtensions
{
    /// <summary>The names of the public types, as defined now.</summary>
    public static async Task<List<string>> ListAsync(this IPublicContentTypes rule, IContentDefinitionManager definitions)
        => [.. (await definitions.ListTypesAsync()).Where(rule.IsPublic).Select(t => t.Name)];
}
