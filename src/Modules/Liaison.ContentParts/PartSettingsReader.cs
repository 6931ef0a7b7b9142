using LiaisonSite.Core.ContentManagement.Metadata;

namespace Liaison.ContentParts;

/// <summary>Finds how a type uses a code part (its settings live on the type's part record).</summary>
internal sealed class PartSettingsReader(IContentDefinitionManager definitions)
{
    public async Task<ContentTypePartDefinition?> FindAsync(string contentType, string partName)
        => (await definitions.GetTypeAsync(contentType))?.Parts
            .FirstOrDefault(p => string.Equals(p.PartName, partName, StringComparison.Ordinal));
}
