using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// A recipe read from its UTF-8 text in one pass, without turning a big step's items into one JSON tree: the "data"
/// items of each Content step are only located (where each begins and ends in the text) and parsed one at a time as
/// the step asks for them (<see cref="RecipeStepContext.DataItems"/>), so an import of 20,000 items holds the text and
/// the item being imported, not the text, a string of it, a tree of every item and an evaluated copy of that tree
/// (651 MB for 20,000 news items; bench/import). Everything else — the recipe's other properties, every other step —
/// is parsed as <see cref="RecipeParser"/> parses it (comments and trailing commas allowed).
/// </summary>
internal sealed class RecipeDocument
{
    private readonly Dictionary<int, RecipeItems> _items;

    private RecipeDocument(JsonObject root, Dictionary<int, RecipeItems> items) => (Root, _items) = (root, items);

    /// <summary>The recipe, with each Content step's "data" an empty array (its items are in <see cref="ItemsOf"/>).</summary>
    public JsonObject Root { get; }

    /// <summary>The located items of the step at <paramref name="index"/> (0-based), or null when it has none.</summary>
    public RecipeItems? ItemsOf(int index) => _items.GetValueOrDefault(index);

    /// <param name="S">Translates the error messages; English when null.</param>
    /// <exception cref="RecipeException">The text is not JSON, or not a JSON object.</exception>
    public static RecipeDocument Parse(ReadOnlyMemory<byte> utf8, IStringLocalizer? S = null)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(utf8.Span, RecipeParser.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                if (reader.TokenType != JsonTokenType.None)
                {
                    reader.Skip();
                    reader.Read();
                }

                throw new RecipeException(RecipeParser.Text(S, "The recipe must be a JSON object with a \"steps\" array."));
            }

            var root = new JsonObject();
            var items = new Dictionary<int, RecipeItems>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (string.Equals(name, "steps", StringComparison.OrdinalIgnoreCase)
                    && root.Any(p => string.Equals(p.Key, "steps", StringComparison.OrdinalIgnoreCase)))
                {
                    // Which of two would run, and which one's items were located, must not depend on their order.
                    throw new JsonException($"\"{name}\" is written twice.");
                }

                if (string.Equals(name, "steps", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartArray)
                {
                    var steps = new JsonArray();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        steps.Add(ReadStep(ref reader, utf8, steps.Count, items));
                    }

                    root.Add(name, steps);
                }
                else
                {
                    root.Add(name, ReadValue(ref reader, utf8));
                }
            }

            // Anything after the object but comments and white space is an error, as for a parser of the whole text.
            reader.Read();
            return new RecipeDocument(root, items);
        }
        catch (JsonException e)
        {
            throw new RecipeException(RecipeParser.Text(S, "The recipe is not valid JSON: {0}", e.Message), e);
        }
        catch (ArgumentException e)
        {
            // A property twice in one object.
            throw new RecipeException(RecipeParser.Text(S, "The recipe is not valid JSON: {0}", e.Message), e);
        }
    }

    /// <summary>The value the reader is at, parsed on its own; the reader is left at its last token.</summary>
    private static JsonNode? ReadValue(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Parse(utf8, start, (int)reader.BytesConsumed);
    }

    private static JsonNode? Parse(ReadOnlyMemory<byte> utf8, int start, int end)
        => JsonNode.Parse(utf8.Span[start..end], new JsonNodeOptions { PropertyNameCaseInsensitive = false }, RecipeParser.Options);

    /// <summary>
    /// A step: a Content step with a "data" array keeps its items' places in the text (the step's other properties are
    /// parsed); any other step is parsed whole.
    /// </summary>
    private static JsonNode? ReadStep(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8, int index, Dictionary<int, RecipeItems> items)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return ReadValue(ref reader, utf8);
        }

        var stepStart = (int)reader.TokenStartIndex;
        var properties = new List<(string Name, int Start, int End, JsonTokenType Token)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            var token = reader.TokenType;
            reader.Skip();
            properties.Add((name, start, (int)reader.BytesConsumed, token));
        }

        var stepEnd = (int)reader.BytesConsumed;
        var stepName = properties.Where(p => string.Equals(p.Name, "name", StringComparison.OrdinalIgnoreCase) && p.Token == JsonTokenType.String)
            .Select(p => Parse(utf8, p.Start, p.End)!.GetValue<string>()).FirstOrDefault();
        var data = properties.Where(p => string.Equals(p.Name, "data", StringComparison.OrdinalIgnoreCase)).ToList();
        if (!string.Equals(stepName, "Content", StringComparison.OrdinalIgnoreCase) || data.Count != 1 || data[0].Token != JsonTokenType.StartArray)
        {
            return Parse(utf8, stepStart, stepEnd);
        }

        var step = new JsonObject();
        foreach (var (name, start, end, _) in properties)
        {
            step.Add(name, name == data[0].Name ? new JsonArray() : Parse(utf8, start, end));
        }

        items[index] = RecipeItems.Locate(utf8, data[0].Start, data[0].End);
        return step;
    }

    /// <summary>A Content step's "data" items, located in the recipe's text and parsed one at a time.</summary>
    internal sealed class RecipeItems
    {
        private readonly ReadOnlyMemory<byte> _utf8;
        private readonly List<(int Start, int End)> _ranges;

        private RecipeItems(ReadOnlyMemory<byte> utf8, List<(int Start, int End)> ranges) => (_utf8, _ranges) = (utf8, ranges);

        public int Count => _ranges.Count;

        /// <summary>The item at <paramref name="index"/>, parsed now (a new tree each time).</summary>
        public JsonNode? Parse(int index) => RecipeDocument.Parse(_utf8, _ranges[index].Start, _ranges[index].End);

        internal static RecipeItems Locate(ReadOnlyMemory<byte> utf8, int start, int end)
        {
            var reader = new Utf8JsonReader(utf8.Span[start..end], RecipeParser.ReaderOptions);
            var ranges = new List<(int, int)>();
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var itemStart = start + (int)reader.TokenStartIndex;
                reader.Skip();
                ranges.Add((itemStart, start + (int)reader.BytesConsumed));
            }

            return new RecipeItems(utf8, ranges);
        }
    }
}
