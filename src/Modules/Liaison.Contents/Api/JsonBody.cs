using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Liaison.Contents.Api;

/// <summary>
/// Reads a JSON object body strictly: a property given twice ({"ContentType": "Page", "ContentType": "Contact"})
/// or malformed JSON is a 400 naming where, never a 500 nor a guess at which value wins.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions s_strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    public static async Task<(JsonObject? Body, Dictionary<string, string[]>? Errors)> ReadObjectAsync(
        HttpRequest request, IStringLocalizer S, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Error("body", S["Send the item as JSON (Content-Type: application/json)."]));
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body, documentOptions: s_strict, cancellationToken: cancellationToken) is JsonObject body
                ? (body, null)
                : (null, Error("body", S["The body must be a JSON object."]));
        }
        catch (JsonException e)
        {
            var key = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, Error(key, S["The JSON is not valid at '{0}' (line {1}): a property is given twice or the syntax is wrong.",
                key, (e.LineNumber ?? 0) + 1]));
        }
    }

    private static Dictionary<string, string[]> Error(string key, string message) => new() { [key] = [message] };
}
