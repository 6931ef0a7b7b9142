using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiaisonSite.Core.Recipes;

/// <summary>Reads recipe JSON as Orchard writes it: // and /* */ comments and trailing commas are allowed.</summary>
public static class RecipeParser
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, new JsonNodeOptions { PropertyNameCaseInsensitive = false }, s_options) as JsonObject
                ?? throw new RecipeException("The recipe must be a JSON object with a \"steps\" array.");
        }
        catch (JsonException e)
        {
            throw new RecipeException($"The recipe is not valid JSON: {e.Message}", e);
        }
    }
}
