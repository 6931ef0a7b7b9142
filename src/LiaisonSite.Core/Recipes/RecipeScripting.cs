using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// Evaluates Orchard's <c>[js: …]</c> expressions in recipe strings with Jint: uuid(), variables('x'),
/// parameters('x'), configuration('Liaison:Recipes:Variables:key', 'default'), base64('…') and gzip('…') (decoding, as
/// Orchard's), and Orchard's [file:text('path')] inside the recipe's folder. A recipe is code from
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
        // As Orchard's: base64('…') decodes Base64 to UTF-8 text; gzip('…') decodes Base64 and then gunzips it.
        _engine.SetValue("base64", new Func<string, string>(encoded => System.Text.Encoding.UTF8.GetString(FromBase64(encoded, "base64"))));
        _engine.SetValue("gzip", new Func<string, string>(Gunzip));
    }

    /// <summary>The folder of the recipe file; <c>[file:text('…')]</c> reads only inside it. Null for an upload.</summary>
    public string? Folder { get; init; }

    /// <summary>Receives what an expression could not do but did not stop the run for (a file that is not there).</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>Orchard's gzip decompression is bounded here: an upload cannot inflate a few KB into gigabytes.</summary>
    public const int MaxInflatedBytes = 16 * 1024 * 1024;

    private byte[] FromBase64(string encoded, string function)
    {
        try
        {
            return Convert.FromBase64String(encoded);
        }
        catch (FormatException e)
        {
            throw new RecipeException(RecipeParser.Text(_s, "{0}('…'): the text is not valid Base64.", function), e);
        }
    }

    private string Gunzip(string encoded)
    {
        try
        {
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(FromBase64(encoded, "gzip")), System.IO.Compression.CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (inflated.Length + read > MaxInflatedBytes)
                {
                    throw new RecipeException(RecipeParser.Text(_s, "gzip('…'): the text inflates to more than {0} MB.", MaxInflatedBytes / 1024 / 1024));
                }

                inflated.Write(buffer, 0, read);
            }

            return System.Text.Encoding.UTF8.GetString(inflated.ToArray());
        }
        catch (InvalidDataException e)
        {
            throw new RecipeException(RecipeParser.Text(_s, "gzip('…'): the text is not gzip-compressed data in Base64."), e);
        }
    }

    /// <summary>
    /// Orchard's <c>[file:text('path')]</c> and <c>[file:base64('path')]</c>: a file relative to the recipe's folder,
    /// never outside it (a path that climbs out or is rooted is refused). A recipe without a folder (uploaded), or a
    /// file that is not there, gives empty text and a note in the report: Orchard's theme recipes name snippets that
    /// travel with the theme, not with the recipe.
    /// </summary>
    private string ReadFile(string function, string path)
    {
        if (string.IsNullOrWhiteSpace(Folder))
        {
            Warn?.Invoke(RecipeParser.Text(_s, "[file:{0}('{1}')] gave empty text: this recipe was not read from a folder (it was uploaded), so it has no files.", function, path));
            return "";
        }

        var folder = Path.GetFullPath(Folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(folder, path));
        if (Path.IsPathRooted(path) || !full.StartsWith(folder, StringComparison.Ordinal))
        {
            throw new RecipeException(RecipeParser.Text(_s, "[file:{0}('{1}')] is refused: a recipe may read only files inside its own folder.", function, path));
        }

        if (!File.Exists(full))
        {
            Warn?.Invoke(RecipeParser.Text(_s, "[file:{0}('{1}')] gave empty text: there is no such file in the recipe's folder.", function, path));
            return "";
        }

        return function == "base64" ? Convert.ToBase64String(File.ReadAllBytes(full)) : File.ReadAllText(full);
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
            case JsonValue value when value.TryGetValue<string>(out var text)
                && (text.Contains("[js:", StringComparison.Ordinal) || text.Contains("[file:", StringComparison.Ordinal)):
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
        if (text.Contains("[file:", StringComparison.Ordinal))
        {
            // A file's text is inserted as is, never evaluated itself: [js: …] is replaced first, then [file: …].
            var scripted = text.Contains("[js:", StringComparison.Ordinal)
                ? InlineExpression().Replace(text, m => Convert.ToString(Run(m.Groups[1].Value), CultureInfo.InvariantCulture) ?? "")
                : text;
            return FileExpression().Replace(scripted, m => m.Groups[1].Success
                ? ReadFile(m.Groups[1].Value, m.Groups[2].Value)
                : throw new RecipeException(RecipeParser.Text(_s, "The expression {0} is not supported: use [file:text('path')] or [file:base64('path')].", Shorten(m.Value))));
        }

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

    // [file:text('a/b.html')] or [file:base64("x.png")]; anything else starting "[file:" is matched to be refused.
    [GeneratedRegex(@"\[file:\s*(?:(text|base64)\(\s*['""]([^'""]*)['""]\s*\)\s*|[^\]]*)\]")]
    private static partial Regex FileExpression();
}
