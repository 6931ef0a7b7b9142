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
            ["ModifiedUtc"] = Utc(item.ModifiedUtc),
            ["PublishedUtc"] = Utc(item.PublishedUtc),
            ["CreatedUtc"] = Utc(item.CreatedUtc),
            ["Owner"] = item.Owner,
            ["Author"] = item.Author,
        };
        foreach (var (name, value) in item.Content)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    /// <summary>
    /// A date as Orchard writes it: UTC with 'Z' ("2025-03-01T08:00:00Z"). The database gives dates back without a
    /// kind (SQLite), and a date written without 'Z' would be read as local time by Orchard and by JavaScript.
    /// </summary>
    public static string? Utc(DateTime? value) => value is { } date
        ? DateTime.SpecifyKind(date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : date, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : null;

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
