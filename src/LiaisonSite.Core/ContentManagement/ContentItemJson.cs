using System.Globalization;
using System.Text.Json.Nodes;
using LiaisonSite.Core.Recipes;

namespace LiaisonSite.Core.ContentManagement;

/// <summary>
/// A content item in Orchard's recipe/API JSON shape: the item's properties at the top level and each part as a
/// property of its own: <c>{"ContentItemId": "…", "ContentType": "TypicalExample", "TitlePart": {"Title": "…"}, …}</c>.
/// </summary>
public static class ContentItemJson
{
    private static readonly string[] s_properties =
    [
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author",
    ];

    public static JsonObject ToJson(ContentItem item)
    {
        var json = new JsonObject
        {
            ["ContentItemId"] = item.ContentItemId,
            ["ContentItemVersionId"] = item.ContentItemVersionId,
            ["ContentType"] = item.ContentType,
            ["DisplayText"] = item.DisplayText,
            ["Latest"] = item.Latest,
            ["Published"] = item.Published,
            ["ModifiedUtc"] = item.ModifiedUtc,
            ["PublishedUtc"] = item.PublishedUtc,
            ["CreatedUtc"] = item.CreatedUtc,
            ["Owner"] = item.Owner,
            ["Author"] = item.Author,
        };
        foreach (var (name, value) in item.Content)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    /// <summary>The parts of a recipe/API item: every top-level object that is not an item property.</summary>
    public static JsonObject ReadContent(JsonObject json)
    {
        var content = new JsonObject();
        foreach (var (name, value) in json)
        {
            if (value is JsonObject && !s_properties.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                content[name] = value.DeepClone();
            }
        }

        return content;
    }

    public static DateTime? ReadDate(JsonObject json, string name)
        => json.GetString(name) is { Length: > 0 } text
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : null;

    public static bool ReadBool(JsonObject json, string name)
        => json.GetProperty(name) is JsonValue value
            && (value.TryGetValue<bool>(out var b) ? b : bool.TryParse(value.ToString(), out var parsed) && parsed);
}
