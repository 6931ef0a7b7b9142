using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// Content item ids of a recipe, as Orchard writes them: 26 characters (its IdGenerator) are stored as they are.
/// Longer ones — up to <see cref="MaxLength"/> characters, e.g. a GUID (32 or 36) that someone typed into a recipe — are
/// accepted and stored as a 26-character id derived from them (SHA-256, base 32), because every table that refers to a
/// content item (versions, index tables, schedules, access logs) holds 26 characters. The same long id always gives the
/// same short one, and every string of the recipe equal to a long id (a ContainedPart's ListContentItemId, a picker's
/// ContentItemIds, the home route's ContentItemId) is replaced too, so references inside the recipe still meet.
/// </summary>
internal sealed class RecipeIds
{
    public const int StoredLength = 26;

    /// <summary>Longer than this is not an id but data: refused. 128 covers GUIDs, URNs and prefixed ids.</summary>
    public const int MaxLength = 128;

    private static readonly string[] s_idProperties = ["ContentItemId", "ContentItemVersionId"];
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);

    /// <summary>Long ids found so far, with the id each is stored as.</summary>
    public IReadOnlyDictionary<string, string> Map => _map;

    /// <summary>Learns the long ids written in <paramref name="node"/> (not inside expressions); returns those that are new.</summary>
    public List<string> Learn(JsonNode? node, Func<string, Exception> tooLong)
    {
        var found = new List<string>();
        Walk(node, (key, value) =>
        {
            if (key is null || !s_idProperties.Contains(key, StringComparer.OrdinalIgnoreCase) || value.Length <= StoredLength
                || value.Contains("[js:", StringComparison.Ordinal))
            {
                return;
            }

            if (value.Length > MaxLength)
            {
                throw tooLong(value);
            }

            if (_map.TryAdd(value, Shorten(value)))
            {
                found.Add(value);
            }
        });
        return found;
    }

    /// <summary>Every string value equal to a learnt long id, replaced by its stored id (in place).</summary>
    public void Replace(JsonNode? node)
    {
        if (_map.Count == 0)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && _map.TryGetValue(text, out var shortId))
                    {
                        obj[key] = shortId;
                    }
                    else
                    {
                        Replace(value);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var text) && _map.TryGetValue(text, out var shortId))
                    {
                        array[i] = shortId;
                    }
                    else
                    {
                        Replace(array[i]);
                    }
                }

                break;
        }
    }

    internal static string Shorten(string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        var text = new StringBuilder(StoredLength);
        ulong buffer = 0;
        var bits = 0;
        foreach (var b in hash)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && text.Length < StoredLength)
            {
                text.Append(Alphabet[(int)((buffer >> (bits - 5)) & 31)]);
                bits -= 5;
            }
        }

        return text.ToString();
    }

    private static void Walk(JsonNode? node, Action<string?, string> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        visit(key, text);
                    }
                    else
                    {
                        Walk(value, visit);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, visit);
                }

                break;
        }
    }
}
