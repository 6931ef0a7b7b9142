using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// Evaluates Orchard's <c>[js: …]</c> expressions in recipe strings with Jint: uuid(), variables('x'),
/// parameters('x'), configuration('key', 'default'), base64('text').
/// </summary>
internal sealed partial class RecipeScripting
{
    private readonly Engine _engine;
    private readonly Dictionary<string, object?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly IStringLocalizer? _s;

    public RecipeScripting(IReadOnlyDictionary<string, string?> parameters, IConfiguration configuration, IStringLocalizer? S = null)
    {
        _s = S;
        _engine = new Engine(o => o.LimitRecursion(64).TimeoutInterval(TimeSpan.FromSeconds(2)).MaxStatements(10_000));
        _engine.SetValue("uuid", new Func<string>(ContentManagement.ContentItem.NewId));
        _engine.SetValue("variables", new Func<string, object?>(name => _variables.TryGetValue(name, out var v)
            ? v
            : throw new RecipeException(RecipeParser.Text(_s, "Recipe variable '{0}' is not defined.", name))));
        _engine.SetValue("parameters", new Func<string, string?>(name =>
            parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
            ?? throw new RecipeException(RecipeParser.Text(_s, "Recipe parameter '{0}' was not given.", name))));
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

    /// <summary>A copy of the node with every expression replaced by its value; the recipe itself is left as is.</summary>
    public JsonNode? Evaluate(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Evaluate(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(Evaluate)]);
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("[js:", StringComparison.Ordinal):
                return EvaluateString(text) switch
                {
                    null => null,
                    bool b => JsonValue.Create(b),
                    double d => JsonValue.Create(d),
                    var other => JsonValue.Create(Convert.ToString(other, CultureInfo.InvariantCulture)),
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

        return InlineExpression().Replace(text, m => Convert.ToString(Run(m.Groups[1].Value), CultureInfo.InvariantCulture) ?? "");
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
            throw new RecipeException(RecipeParser.Text(_s, "The expression [js: {0}] failed: {1}", script, e.Message), e);
        }
    }

    // One expression that is the whole string keeps its type (a boolean stays a boolean).
    [GeneratedRegex(@"^\[js:\s*((?:(?!\[js:).)*)\]$", RegexOptions.Singleline)]
    private static partial Regex WholeExpression();

    [GeneratedRegex(@"\[js:\s*(.*?)\]")]
    private static partial Regex InlineExpression();
}
