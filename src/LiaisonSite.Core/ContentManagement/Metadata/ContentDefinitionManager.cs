using LiaisonSite.Core.Data;

namespace LiaisonSite.Core.ContentManagement.Metadata;

/// <summary>
/// The content types and parts. What the reads give is shared by every request on the node until the definitions
/// change (parsed once per version, not per request): never change it. To change a definition, take a copy with
/// <see cref="GetTypeForUpdateAsync"/> or <see cref="GetPartForUpdateAsync"/>, change it and store it.
/// </summary>
public interface IContentDefinitionManager
{
    Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync();

    Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync();

    Task<ContentTypeDefinition?> GetTypeAsync(string name);

    Task<ContentPartDefinition?> GetPartAsync(string name);

    /// <summary>The type as this unit of work's own copy, to change and pass to <see cref="StoreTypeAsync"/>.</summary>
    Task<ContentTypeDefinition?> GetTypeForUpdateAsync(string name);

    /// <summary>The part as this unit of work's own copy, to change and pass to <see cref="StorePartAsync"/>.</summary>
    Task<ContentPartDefinition?> GetPartForUpdateAsync(string name);

    Task StoreTypeAsync(ContentTypeDefinition type);

    Task StorePartAsync(ContentPartDefinition part);

    Task DeleteTypeAsync(string name);
}

internal sealed class ContentDefinitionManager(IDocumentStore documents) : IContentDefinitionManager
{
    internal const string DocumentKey = ContentDefinitionDocument.DocumentKey;

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync() => (await LoadAsync()).Types;

    public async Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync() => (await LoadAsync()).Parts;

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name)
        => (await LoadAsync()).Types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task<ContentPartDefinition?> GetPartAsync(string name)
        => (await LoadAsync()).Parts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task<ContentTypeDefinition?> GetTypeForUpdateAsync(string name)
        => (await EditableAsync()).Types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task<ContentPartDefinition?> GetPartForUpdateAsync(string name)
        => (await EditableAsync()).Parts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task StoreTypeAsync(ContentTypeDefinition type)
    {
        var document = await EditableAsync();
        document.Types.RemoveAll(t => string.Equals(t.Name, type.Name, StringComparison.OrdinalIgnoreCase));
        document.Types.Add(type);
        await documents.SaveAsync(DocumentKey, document);
    }

    public async Task StorePartAsync(ContentPartDefinition part)
    {
        var document = await EditableAsync();
        document.Parts.RemoveAll(p => string.Equals(p.Name, part.Name, StringComparison.OrdinalIgnoreCase));
        document.Parts.Add(part);
        await documents.SaveAsync(DocumentKey, document);
    }

    public async Task DeleteTypeAsync(string name)
    {
        var document = await EditableAsync();
        document.Types.RemoveAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        await documents.SaveAsync(DocumentKey, document);
    }

    // Reads: the node's copy of the current version (after a store in this unit of work, the stored one).
    private Task<ContentDefinitionDocument> LoadAsync() => documents.GetSharedAsync<ContentDefinitionDocument>(DocumentKey);

    // Changes: this unit of work's own copy, read once, so that what it stores adds up.
    private ContentDefinitionDocument? _editable;

    private async Task<ContentDefinitionDocument> EditableAsync()
        => _editable ??= await documents.GetAsync<ContentDefinitionDocument>(DocumentKey);
}
