using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;
using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.Markdown;
using LiaisonSite.Core.ContentManagement;

namespace Liaison.ContentParts.Liquid;

/// <summary>
/// Evaluates Liquid against a content item — the patterns of part settings (AutoroutePart, TitlePart) and the bodies
/// of LiquidPart and of HtmlBodyPart where the type allows Liquid. The item is <c>ContentItem</c> and, as Orchard's
/// patterns write it, <c>Model.ContentItem</c>. Orchard's filters: <c>display_text</c>, <c>slugify</c>,
/// <c>container</c> (the list an item is contained in, through <see cref="ContentLoader"/>) and <c>markdownify</c>.
/// Templates see plain data (dictionaries), never CLR members, and run within step and output limits.
/// </summary>
internal sealed class ContentLiquid(IMarkdownService markdown)
{
    /// <summary>Loads an item (latest version, including ones staged in the unit of work) by its ContentItemId.</summary>
    public delegate Task<ContentItem?> ContentLoader(string contentItemId);

    /// <summary>Statements a template may run: enough for any page, not for a loop that never ends.</summary>
    public const int MaxSteps = 100_000;

    /// <summary>Characters a template may write.</summary>
    public const int MaxOutput = 1_000_000;

    private const string LoaderKey = "ContentLoader";
    private const string EarlierSlugsKey = "EarlierSlugs";
    private static readonly FluidParser s_parser = new();
    private readonly TemplateOptions _options = CreateOptions(markdown);

    /// <summary>
    /// The rendered text, or null when the template is not valid Liquid or fails to render within the limits.
    /// With <paramref name="earlierSlugs"/>, <c>slugify</c> follows the earlier rule that kept Chinese characters
    /// (<see cref="Slug.CreateEarlier"/>), to recognize a path stored under it.
    /// </summary>
    public async Task<string?> RenderAsync(string pattern, ContentItem item, ContentLoader? loader = null, bool earlierSlugs = false)
    {
        if (!s_parser.TryParse(pattern, out var template, out _))
        {
            return null;
        }

        var context = new TemplateContext(_options);
        var model = ToModel(item);
        context.SetValue("ContentItem", model);
        context.SetValue("Model", new Dictionary<string, object?> { ["ContentItem"] = model });
        if (loader is not null)
        {
            context.AmbientValues[LoaderKey] = loader;
        }

        if (earlierSlugs)
        {
            context.AmbientValues[EarlierSlugsKey] = true;
        }

        try
        {
            using var writer = new LimitedWriter(MaxOutput);
            await template.RenderAsync(writer, context);
            return writer.ToString().Trim();
        }
        catch (Exception e) when (e is InvalidOperationException or ParseException or OutputTooLongException)
        {
            return null;
        }
    }

    public static bool IsValid(string pattern) => s_parser.TryParse(pattern, out _, out _);

    private static TemplateOptions CreateOptions(IMarkdownService markdown)
    {
        var options = new TemplateOptions { MaxSteps = MaxSteps, MaxRecursion = 20 };
        options.Filters.AddFilter("slugify", static (input, _, context) => new ValueTask<FluidValue>(new StringValue(
            context.AmbientValues.ContainsKey(EarlierSlugsKey) ? Slug.CreateEarlier(input.ToStringValue()) : Slug.Create(input.ToStringValue()))));
        options.Filters.AddFilter("display_text", DisplayTextAsync);
        options.Filters.AddFilter("container", ContainerAsync);
        options.Filters.AddFilter("markdownify", (input, _, _) => new ValueTask<FluidValue>(new StringValue(markdown.ToHtml(input.ToStringValue()), encode: false)));
        return options;
    }

    /// <summary>An item's DisplayText (a text stays itself, so <c>"x" | display_text</c> is harmless).</summary>
    private static async ValueTask<FluidValue> DisplayTextAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
        => input is StringValue ? input : await input.GetValueAsync("DisplayText", context);

    /// <summary>The item's container: the list its ContainedPart names, or nil.</summary>
    private static async ValueTask<FluidValue> ContainerAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var content = await input.GetValueAsync("Content", context);
        var contained = await content.GetValueAsync("ContainedPart", context);
        var listId = (await contained.GetValueAsync("ListContentItemId", context)).ToStringValue();
        if (string.IsNullOrEmpty(listId) || !context.AmbientValues.TryGetValue(LoaderKey, out var value) || value is not ContentLoader loader)
        {
            return NilValue.Instance;
        }

        var list = await loader(listId);
        return list is null ? NilValue.Instance : FluidValue.Create(ToModel(list), context.Options);
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

    private sealed class OutputTooLongException() : Exception("The template wrote more than the limit.");

    /// <summary>A writer that refuses to grow past its limit, so a template cannot fill the memory.</summary>
    private sealed class LimitedWriter(int limit) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            Check(1);
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Check(value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Check(count);
            base.Write(buffer, index, count);
        }

        private void Check(int more)
        {
            if (GetStringBuilder().Length + more > limit)
            {
                throw new OutputTooLongException();
            }
        }
    }
}
