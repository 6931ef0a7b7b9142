using System.Text.Json.Nodes;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Display;
using Microsoft.Extensions.Logging;

namespace Liaison.ContentParts;

/// <summary>
/// Orchard content may carry parts this site has no code for (LayerMetadata, MenuPart, a module's own part …). Their
/// data stays in the item as it came — nothing here removes or rewrites it, and editing or exporting the item keeps it —
/// but they are not shown, so a save that brings such data says so in the log, naming the item and the parts.
/// </summary>
internal sealed class UnknownPartsReporter(
    IContentDefinitionManager definitions, IEnumerable<IContentPartDriver> drivers, ILogger<UnknownPartsReporter> logger) : IContentHandler
{
    private readonly HashSet<string> _coded = drivers.Select(d => d.PartName).ToHashSet(StringComparer.Ordinal);

    public async Task UpdatingAsync(ContentContext context)
    {
        var item = context.ContentItem;
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null)
        {
            return;
        }

        var unknown = new List<string>();
        foreach (var (name, value) in item.Content)
        {
            if (value is not JsonObject data || data.Count == 0)
            {
                continue;
            }

            var typePart = type.Parts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (typePart is null)
            {
                unknown.Add(name);
            }
            else if (!_coded.Contains(typePart.PartName) && (await definitions.GetPartAsync(typePart.PartName))?.Fields.Count is null or 0)
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count > 0)
        {
            logger.LogWarning("{ContentType} {ContentItemId} ('{DisplayText}') holds parts this site does not show: {Parts}. Their data is kept as it came.",
                item.ContentType, item.ContentItemId, item.DisplayText, string.Join(", ", unknown));
        }
    }
}
