using System.Globalization;
using System.Text.Json;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.Publicity.Listing;

/// <summary>Reads the title, path and event date of an item from the Orchard-shaped part JSON.</summary>
internal static class ContentText
{
    public static string Title(ContentItem item)
        => item.Content["TitlePart"]?["Title"] is { } title && title.GetValueKind() == JsonValueKind.String
            && title.GetValue<string>() is { Length: > 0 } text
                ? text
                : item.DisplayText;

    /// <summary>A JSON string value, or null for anything else (a number, an object, nothing).</summary>
    public static string? String(System.Text.Json.Nodes.JsonNode? node)
        => node is not null && node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    /// <summary>The DateField "EventDate" of the type's own part ({"Value": "2026-03-12"} or a date-time).</summary>
    public static DateOnly? EventDate(ContentItem item)
    {
        var value = item.GetField(item.ContentType, "EventDate")?["Value"];
        if (value is null || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetValue<string>();
        return DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) ? date
            : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dateTime) ? DateOnly.FromDateTime(dateTime)
            : null;
    }
}
