using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Recipes;

/// <summary>Reads recipe JSON as Orchard writes it: // and /* */ comments and trailing commas are allowed.</summary>
public static class RecipeParser
{
    /// <summary>How recipe text is read everywhere: comments skipped, trailing commas allowed.</summary>
    internal static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The same rules for a <see cref="Utf8JsonReader"/>.</summary>
    internal static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = Options.CommentHandling,
        AllowTrailingCommas = Options.AllowTrailingCommas,
    };

    /// <param name="S">Translates the error messages; English when null (tests, tools).</param>
    public static JsonObject Parse(string json, IStringLocalizer? S = null)
    {
        try
        {
            return JsonNode.Parse(json, new JsonNodeOptions { PropertyNameCaseInsensitive = false }, Options) as JsonObject
                ?? throw new RecipeException(Text(S, "The recipe must be a JSON object with a \"steps\" array."));
        }
        catch (JsonException e)
        {
            throw new RecipeException(Text(S, "The recipe is not valid JSON: {0}", e.Message), e);
        }
    }

    internal static string Text(IStringLocalizer? S, string text, params object[] arguments)
        => S is null ? string.Format(System.Globalization.CultureInfo.InvariantCulture, text, arguments) : S[text, arguments];
}
