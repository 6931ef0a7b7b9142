using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;
using Liaison.ContentParts.Autoroute;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.ContentParts.Liquid;

/// <summary>
/// Evaluates the Liquid patterns of part settings (AutoroutePart, TitlePart) against a content item:
/// <c>{{ ContentItem.DisplayText | slugify }}</c>, <c>{{ ContentItem.Content.TitlePart.Title }}</c>.
/// </summary>
internal sealed class ContentLiquid
{
    private static readonly FluidParser s_parser = new();
    private static readonly TemplateOptions s_options = CreateOptions();

    /// <summary>The rendered text, or null when the pattern is not valid Liquid.</summary>
    public async Task<string?> RenderAsync(string pattern, ContentItem item)
    {
        if (!s_parser.TryParse(pattern, out var template, out _))
        {
            return null;
        }

        var context = new TemplateContext(s_options);
        context.SetValue("ContentItem", ToModel(item));
        try
        {
            return (await template.RenderAsync(context)).Trim();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static bool IsValid(string pattern) => s_parser.TryParse(pattern, out _, out _);

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.Filters.AddFilter("slugify", static (input, _, _) => new ValueTask<FluidValue>(new StringValue(Slug.Create(input.ToStringValue()))));
        return options;
    }

    // Plain dictionaries keep the template away from CLR members: a pattern sees data, never methods.
    private static Dictionary<string, object?> ToModel(ContentItem item) => new()
    {
        ["ContentItemId"] = item.ContentItemId,
        ["ContentType"] = item.ContentType,
        ["DisplayText"] = item.DisplayText,
        ["Owner"] = item.Owner,
        ["CreatedUtc"] = item.CreatedUtc,
        ["PublishedUtc"] = item.PublishedUtc,
        ["Content"] = ToPlain(item.Content),
    };

    private static object? ToPlain(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<bool>(out var b) => b,
        JsonValue value when value.TryGetValue<decimal>(out var d) => d,
        _ => node?.ToString(),
    };
}
