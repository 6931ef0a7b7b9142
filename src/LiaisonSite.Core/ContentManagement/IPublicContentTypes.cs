using LiaisonSite.Core.ContentManagement.Metadata;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// The one rule of what the public may read, by type. The kernel does not know which parts make a type publicly
/// served (that is the routing module's business: Liaison.ContentParts says "has an AutoroutePart"), so the rule is
/// provided by a module; as in Orchard Core, the Anonymous role's view permission decides, and a type governed by an
/// access scope is never public. Pages, feeds, the sitemap, search and the anonymous API ask it. Until a module
/// provides it, no type is public (fail closed).
/// </summary>
public interface IPublicContentTypes
{
    Task<bool> IsPublicAsync(ContentTypeDefinition type);
}

internal sealed class NoPublicContentTypes : IPublicContentTypes
{
    public Task<bool> IsPublicAsync(ContentTypeDefinition type) => Task.FromResult(false);
}

public static class PublicContentTypesExtensions
{
    /// <summary>The names of the public types, as defined now.</summary>
    public static async Task<List<string>> ListAsync(this IPublicContentTypes rule, IContentDefinitionManager definitions)
    {
        var names = new List<string>();
        foreach (var type in await definitions.ListTypesAsync())
        {
            if (await rule.IsPublicAsync(type))
            {
                names.Add(type.Name);
            }
        }

        return names;
    }
}
