namespace Liaison.Recipes.Services;

/// <summary>Recipe parameters as people write them: "Name=Value" (the command line's --param, the import page's lines).</summary>
internal static class RecipeParameters
{
    /// <summary>"Name=Value" → (Name, Value); null when there is no '=' or no name. The value may contain '='.</summary>
    public static (string Name, string Value)? Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || text[..equals].Trim().Length == 0)
        {
            return null;
        }

        return (text[..equals].Trim(), text[(equals + 1)..]);
    }

    /// <summary>
    /// <c>&lt;file&gt; [--param Name=Value]…</c> (also <c>--param=Name=Value</c>). False for no file, two files, or a
    /// parameter that is not Name=Value (<paramref name="bad"/> then names it).
    /// </summary>
    public static bool TryParseArguments(
        IReadOnlyList<string> arguments, out string file, out Dictionary<string, string?> parameters, out string? bad)
    {
        (file, parameters, bad) = ("", new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase), null);
        string? found = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            string? pair = null;
            if (arguments[i] == "--param")
            {
                pair = i + 1 < arguments.Count ? arguments[++i] : "";
            }
            else if (arguments[i].StartsWith("--param=", StringComparison.Ordinal))
            {
                pair = arguments[i]["--param=".Length..];
            }
            else if (found is null && !arguments[i].StartsWith("--", StringComparison.Ordinal))
            {
                found = arguments[i];
                continue;
            }
            else
            {
                bad = arguments[i];
                return false;
            }

            if (Parse(pair) is not { } parsed)
            {
                bad = pair;
                return false;
            }

            parameters[parsed.Name] = parsed.Value;
        }

        file = found ?? "";
        return found is not null;
    }
}
