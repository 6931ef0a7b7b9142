using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>Typed access to the parts and fields stored in <see cref="ContentItem.Content"/>.</summary>
public static class ContentItemExtensions
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        Converters = { new LenientBooleanConverter() },
    };

    /// <summary>The part stored under its class name, or a new empty one.</summary>
    public static TPart As<TPart>(this ContentItem item) where TPart : ContentPart, new()
        => item.Get<TPart>(typeof(TPart).Name) ?? new TPart();

    /// <exception cref="ContentPartFormatException">The stored JSON does not fit <typeparamref name="TElement"/>.</exception>
    public static TElement? Get<TElement>(this ContentItem item, string name) where TElement : class
    {
        var node = item.Content[name];
        try
        {
            return node is JsonObject ? node.Deserialize<TElement>(SerializerOptions) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // "$.Title" → "TitlePart.Title": the key the editor and the API's problem details use.
            var path = (e as JsonException)?.Path?.TrimStart('$').TrimStart('.');
            throw new ContentPartFormatException(string.IsNullOrEmpty(path) ? name : $"{name}.{path}", e);
        }
    }

    public static bool Has<TPart>(this ContentItem item) where TPart : ContentPart
        => item.Content[typeof(TPart).Name] is JsonObject;

    /// <summary>Stores the part under its class name, keeping any fields attached to it.</summary>
    public static ContentItem Apply<TPart>(this ContentItem item, TPart part) where TPart : ContentPart
        => item.Apply(typeof(TPart).Name, part);

    public static ContentItem Apply(this ContentItem item, string name, object element)
    {
        var serialized = JsonSerializer.SerializeToNode(element, element.GetType(), SerializerOptions)!.AsObject();
        if (item.Content[name] is JsonObject existing)
        {
            foreach (var (key, value) in serialized.ToList())
            {
                serialized.Remove(key);
                existing[key] = value;
            }

            return item;
        }

        item.Content[name] = serialized;
        return item;
    }

    /// <summary>The JSON object of a part (created when missing).</summary>
    public static JsonObject GetOrCreatePart(this ContentItem item, string partName)
    {
        if (item.Content[partName] is not JsonObject part)
        {
            part = [];
            item.Content[partName] = part;
        }

        return part;
    }

    /// <summary>The JSON object of a field of a part, e.g. <c>Content.TypicalExample.Deeds</c>.</summary>
    public static JsonObject? GetField(this ContentItem item, string partName, string fieldName)
        => item.Content[partName]?[fieldName] as JsonObject;
}
