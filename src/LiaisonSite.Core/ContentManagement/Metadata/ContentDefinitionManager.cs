using LiaisonSite.Core.Data;

namespace LiaisonSite.Core.ContentManagement.Metadata;

public interface IContentDefinitionManager
{
    Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync();

    Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync();

    Task<ContentTypeDefinition?> GetTypeAsync(string name);

    Task<ContentPartDefinition?> GetPartAsync(string name);

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

    public async Task StoreTypeAsync(ContentTypeDefinition type)
    {
        var document = await LoadAsync();
        document.Types.RemoveAll(t => string.Equals(t.Name, type.Name, StringComparison.OrdinalIgnoreCase));
        document.Types.Add(type);
        await documents.SaveAsync(DocumentKey, document);
    }

    public async Task StorePartAsync(ContentPartDefinition part)
    {
        var document = await LoadAsync();
        document.Parts.RemoveAll(p => string.Equals(p.Name, part.Name, StringComparison.OrdinalIgnoreCase));
        document.Parts.Add(part);
        await documents.SaveAsync(DocumentKey, document);
    }

    public async Task DeleteTypeAsync(string name)
    {
        var document = await LoadAsync();
        document.Types.RemoveAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        await documents.SaveAsync(DocumentKey, document);
    }

    // Building an editor or a display asks for the type and each part; read the document once per request.
    private ContentDefinitionDocument? _document;

    private async Task<ContentDefinitionDocument> LoadAsync()
        => _document ??= await documents.GetAsync<ContentDefinitionDocument>(DocumentKey);
}
