using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// Evaluates Orchard's <c>[js: …]</c> expressions in recipe strings with Jint: uuid(), variables('x'),
/// parameters('x'), configuration('Liaison:Recipes:Variables:key', 'default'), base64('text'). A recipe is code from
/// whoever uploads it, so each expression is boxed in: 2 s, 10 000 statements, 32 MB, 1 s per regular expression,
/// arrays of at most 100 000 elements, and configuration() reads only keys under <see cref="VariablesSection"/>
/// (never a connection string or a password). Each refusal is a <see cref="RecipeException"/> saying which limit.
/// </summary>
internal sealed partial class RecipeScripting
{
    public const string VariablesSection = "Liaison:Recipes:Variables";

    public static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    public const long MemoryLimitBytes = 32L * 1024 * 1024;
    public const int MaxStatements = 10_000;
    public const uint MaxArraySize = 100_000;

    private readonly Engine _engine;
    private readonly Dictionary<string, object?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly IStringLocalizer? _s;
    private readonly CancellationToken _cancellationToken;

    public RecipeScripting(
        IReadOnlyDictionary<string, string?> parameters, IConfiguration configuration, IStringLocalizer? S = null,
        CancellationToken cancellationToken = default)
    {
        _s = S;
        _cancellationToken = cancellationToken;
        _engine = new Engine(o =>
        {
            o.LimitRecursion(64).TimeoutInterval(ScriptTimeout).MaxStatements(MaxStatements).LimitMemory(MemoryLimitBytes);
            o.Constraints.RegexTimeout = RegexTimeout;
            o.Constraints.MaxArraySize = MaxArraySize;
            if (cancellationToken.CanBeCanceled)
            {
                o.CancellationToken(cancellationToken);
            }
        });
        _engine.SetValue("uuid", new Func<string>(ContentManagement.ContentItem.NewId));
        _engine.SetValue("variables", new Func<string, object?>(name => _variables.TryGetValue(name, out var v)
            ? v
            : throw new RecipeException(RecipeParser.Text(_s, "Recipe variable '{0}' is not defined.", name))));
        _engine.SetValue("parameters", new Func<string, string?>(name =>
            parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
            ?? throw new RecipeException(RecipeParser.Text(_s, "Recipe parameter '{0}' was not given.", name))));
        _engine.SetValue("configuration", new Func<string, string?, string?>((key, fallback) => IsRecipeVariable(key)
            ? configuration[key] ?? fallback
            : throw new RecipeException(RecipeParser.Text(_s,
                "configuration('{0}') is refused: recipes may read only configuration keys under {1}:.", key, VariablesSection))));
        _engine.SetValue("base64", new Func<string, string>(text => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>"Liaison:Recipes:Variables:School" (any case), never the section itself nor a path that climbs out of it.</summary>
    internal static bool IsRecipeVariable(string? key)
        => key is { Length: > 0 }
            && key.StartsWith(VariablesSection + ":", StringComparison.OrdinalIgnoreCase)
            && key.Length > VariablesSection.Length + 1;

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
        catch (Exception) when (_cancellationToken.IsCancellationRequested)
        {
            // The whole recipe ran out of time: the executor reports it (and rolls back).
            throw new OperationCanceledException(_cancellationToken);
        }
        catch (Exception e)
        {
            throw new RecipeException(Limit(e, script) ?? RecipeParser.Text(_s, "The expression [js: {0}] failed: {1}", Shorten(script), e.Message), e);
        }
    }

    /// <summary>The message for an expression stopped by one of the limits, or null for an ordinary failure.</summary>
    private string? Limit(Exception e, string script) => (e as RegexMatchTimeoutException ?? e.InnerException as RegexMatchTimeoutException) is not null
        ? RecipeParser.Text(_s, "The expression [js: {0}] was stopped: a regular expression ran longer than {1} s.", Shorten(script), RegexTimeout.TotalSeconds)
        : e.GetType().Name switch
        {
            "MemoryLimitExceededException" => RecipeParser.Text(_s, "The expression [js: {0}] was stopped: it used more than {1} MB of memory.",
                Shorten(script), MemoryLimitBytes / 1024 / 1024),
            "StatementsCountOverflowException" => RecipeParser.Text(_s, "The expression [js: {0}] was stopped: it ran more than {1} statements.",
                Shorten(script), MaxStatements),
            "TimeoutException" => RecipeParser.Text(_s, "The expression [js: {0}] was stopped: it ran longer than {1} s.",
                Shorten(script), ScriptTimeout.TotalSeconds),
            _ => null,
        };

    private static string Shorten(string script) => script.Length > 80 ? script[..80] + "…" : script;

    // One expression that is the whole string keeps its type (a boolean stays a boolean).
    [GeneratedRegex(@"^\[js:\s*((?:(?!\[js:).)*)\]$", RegexOptions.Singleline)]
    private static partial Regex WholeExpression();

    [GeneratedRegex(@"\[js:\s*(.*?)\]")]
    private static partial Regex InlineExpression();
}
