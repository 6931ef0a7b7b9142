using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// A recipe read from its UTF-8 text in one pass, without turning a big step's rows into one JSON tree: the arrays a
/// step's handler reads item by item (<see cref="IRecipeStepHandler.ItemArrays"/>: a Content step's "data", a Roster
/// step's "Persons" and "Members") are only located (where each item begins and ends in the text) and parsed one at a
/// time as the step asks for them (<see cref="RecipeStepContext.ItemsOf"/>), so an import of 20,000 items holds the
/// text and the item being imported, not the text, a string of it, a tree of every item and an evaluated copy of that
/// tree (651 MB for 20,000 news items; bench/import). Everything else — the recipe's other properties, every other
/// step — is parsed as <see cref="RecipeParser"/> parses it (comments and trailing commas allowed).
/// </summary>
internal sealed class RecipeDocument
{
    private static readonly IReadOnlyDictionary<string, RecipeItems> s_none = new Dictionary<string, RecipeItems>();
    private readonly Dictionary<int, Dictionary<string, RecipeItems>> _items;

    private RecipeDocument(JsonObject root, Dictionary<int, Dictionary<string, RecipeItems>> items) => (Root, _items) = (root, items);

    /// <summary>The recipe, with each located array of a step empty (its items are in <see cref="ArraysOf"/>).</summary>
    public JsonObject Root { get; }

    /// <summary>The located arrays of the step at <paramref name="index"/> (0-based) by their property names as written.</summary>
    public IReadOnlyDictionary<string, RecipeItems> ArraysOf(int index) => _items.GetValueOrDefault(index) ?? s_none;

    /// <param name="S">Translates the error messages; English when null.</param>
    /// <param name="itemArrays">The arrays to locate for a step of the given name (matched in any case); none when null.</param>
    /// <exception cref="RecipeException">The text is not JSON, or not a JSON object.</exception>
    public static RecipeDocument Parse(
        ReadOnlyMemory<byte> utf8, IStringLocalizer? S = null, Func<string, IReadOnlyCollection<string>>? itemArrays = null)
    {
        itemArrays ??= _ => [];
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
            var items = new Dictionary<int, Dictionary<string, RecipeItems>>();
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
                        steps.Add(ReadStep(ref reader, utf8, steps.Count, items, itemArrays));
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
    /// A step: an array its handler reads item by item keeps its items' places in the text (the step's other properties
    /// are parsed); any other step is parsed whole. An array written twice (in two cases) is parsed, as is a step
    /// without a name.
    /// </summary>
    private static JsonNode? ReadStep(
        ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8, int index, Dictionary<int, Dictionary<string, RecipeItems>> items,
        Func<string, IReadOnlyCollection<string>> itemArrays)
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
        var located = stepName is null ? [] : itemArrays(stepName)
            .Select(array => properties.Where(p => string.Equals(p.Name, array, StringComparison.OrdinalIgnoreCase)).ToList())
            .Where(written => written is [{ Token: JsonTokenType.StartArray }])
            .Select(written => written[0])
            .ToList();
        if (located.Count == 0)
        {
            return Parse(utf8, stepStart, stepEnd);
        }

        var step = new JsonObject();
        var arrays = new Dictionary<string, RecipeItems>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, start, end, _) in properties)
        {
            if (located.Any(p => p.Start == start))
            {
                step.Add(name, new JsonArray());
                arrays[name] = RecipeItems.Locate(utf8, start, end);
            }
            else
            {
                step.Add(name, Parse(utf8, start, end));
            }
        }

        items[index] = arrays;
        return step;
    }

    /// <summary>The items of a step's array, located in the recipe's text and parsed one at a time.</summary>
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
