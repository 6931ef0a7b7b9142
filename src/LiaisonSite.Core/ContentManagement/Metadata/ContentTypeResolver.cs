namespace LiaisonSite.Core.ContentManagement.Metadata;

/// <summary>
/// The one door through which a content type name from outside (a route, a request body, a query string, a form,
/// a recipe) enters: it becomes its definition, whose <see cref="ContentTypeDefinition.Name"/> is the canonical
/// spelling. Definitions are found without regard to case, while access rules, scopes and queries compare names
/// exactly, so a name must be resolved here before any rule sees it ("contact" is "Contact" or nothing).
/// </summary>
public interface IContentTypeResolver
{
    /// <summary>The definition the name refers to, or null when no type has that name.</summary>
    Task<ContentTypeDefinition?> ResolveAsync(string? name);

    /// <summary>The canonical names of the given names that name a type; unknown names are left out.</summary>
    Task<IReadOnlyList<string>> ResolveNamesAsync(IEnumerable<string> names);

    /// <summary>Whether <paramref name="name"/> is already a type's canonical name (exact spelling).</summary>
    async Task<bool> IsCanonicalAsync(string? name) => (await ResolveAsync(name))?.Name == name;
}

internal sealed class ContentTypeResolver(IContentDefinitionManager definitions) : IContentTypeResolver
{
    public async Task<ContentTypeDefinition?> ResolveAsync(string? name)
        => string.IsNullOrEmpty(name) ? null : await definitions.GetTypeAsync(name);

    public async Task<IReadOnlyList<string>> ResolveNamesAsync(IEnumerable<string> names)
    {
        var resolved = new List<string>();
        foreach (var name in names)
        {
            if (await ResolveAsync(name) is { } type && !resolved.Contains(type.Name, StringComparer.Ordinal))
            {
                resolved.Add(type.Name);
            }
        }

        return resolved;
    }
}
