using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Microsoft.Extensions.Configuration;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// Evaluates Orchard's <c>[js: …]</c> expressions in recipe strings with Jint: uuid(), variables('x'),
/// parameters('x'), configuration('key', 'default'), base64('text').
/// </summary>
internal sealed partial class RecipeScripting
{
    private readonly Engine _engine;
    private readonly Dictionary<string, object?> _variables = new(StringComparer.OrdinalIgnoreCase);

    public RecipeScripting(IReadOnlyDictionary<string, string?> parameters, IConfiguration configuration)
    {
        _engine = new Engine(o => o.LimitRecursion(64).TimeoutInterval(TimeSpan.FromSeconds(2)).MaxStatements(10_000));
        _engine.SetValue("uuid", new Func<string>(ContentManagement.ContentItem.NewId));
        _engine.SetValue("variables", new Func<string, object?>(name => _variables.TryGetValue(name, out var v)
            ? v
            : throw new RecipeException($"Recipe variable '{name}' is not defined.")));
        _engine.SetValue("parameters", new Func<string, string?>(name =>
            parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
            ?? throw new RecipeException($"Recipe parameter '{name}' was not given.")));
        _engine.SetValue("configuration", new Func<string, string?, string?>((key, fallback) => configuration[key] ?? fallback));
        _engine.SetValue("base64", new Func<string, string>(text => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>Evaluates the recipe's "variables" section, in order (a variable may use an earlier one).</summary>
    public void DefineVariables(JsonObject? variables)
    {
        foreach (var (name, value) in variables ?? [])
        {
            _variables[name] = value is JsonValue v && v.TryGetValue<string>(out var text) ? EvaluateString(text) : value?.ToJsonString();
        }
    }

    /// <summary>Replaces every expression inside the node, in place.</summary>
    public JsonNode? Evaluate(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    // Objects and arrays are evaluated in place; putting the same node back would give it two parents.
                    if (Evaluate(obj[key]) is var evaluated && !ReferenceEquals(evaluated, obj[key]))
                    {
                        obj[key] = evaluated;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Evaluate(array[i]) is var evaluated && !ReferenceEquals(evaluated, array[i]))
                    {
                        array[i] = evaluated;
                    }
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("[js:", StringComparison.Ordinal):
                var result = EvaluateString(text);
                return result switch
                {
                    null => null,
                    bool b => JsonValue.Create(b),
                    double d => JsonValue.Create(d),
                    _ => JsonValue.Create(result.ToString()),
                };
            default:
                return node?.DeepClone();
        }
    }

    private object? EvaluateString(string text)
    {
        var whole = WholeExpression().Match(text);
        if (whole.Success)
        {
            return Run(whole.Groups[1].Value);
        }

        return InlineExpression().Replace(text, m => Convert.ToString(Run(m.Groups[1].Value), System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }

    private object? Run(string script)
    {
        try
        {
            return _engine.Evaluate(script).ToObject();
        }
        catch (RecipeException)
        {
            throw;
        }
        catch (Exception e) when (e.InnerException is RecipeException inner)
        {
            throw inner;
        }
        catch (Exception e)
        {
            throw new RecipeException($"The expression [js: {script}] failed: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"^\[js:\s*(.*)\]$", RegexOptions.Singleline)]
    private static partial Regex WholeExpression();

    [GeneratedRegex(@"\[js:\s*(.*?)\]")]
    private static partial Regex InlineExpression();
}
