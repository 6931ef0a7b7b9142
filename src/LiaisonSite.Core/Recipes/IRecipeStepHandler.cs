using System.Text.Json.Nodes;

namespace LiaisonSite.Core.Recipes;

/// <summary>
/// Runs one kind of recipe step ("ContentDefinition", "Content", "Roles", …). Steps must be idempotent: running
/// a recipe twice leaves the site as running it once. Bad data throws <see cref="RecipeException"/>.
/// </summary>
public interface IRecipeStepHandler
{
    /// <summary>The step's "name", matched case-insensitively.</summary>
    string Name { get; }

    Task ExecuteAsync(RecipeStepContext context);
}

/// <summary>A step with its <c>[js: …]</c> expressions already evaluated.</summary>
public sealed class RecipeStepContext(
    string recipeName, int stepIndex, JsonObject step, IReadOnlyDictionary<string, string?>? parameters = null,
    CancellationToken cancellationToken = default, RecipeReport? report = null, string? recipeFolder = null)
{
    /// <summary>The run's report; <see cref="Dropped"/> adds to it.</summary>
    public RecipeReport Report { get; } = report ?? new RecipeReport();

    /// <summary>The folder of the recipe file, or null when it has none (an upload).</summary>
    public string? RecipeFolder { get; } = recipeFolder;

    /// <summary>
    /// Says in the report what this step could not hold as written (an unknown setting kept but unused, a permission
    /// with no counterpart here …); the run goes on. Invalid data is still a <see cref="RecipeException"/>.
    /// </summary>
    public void Dropped(string message) => Report.Add(new RecipeNote(StepIndex, StepName, RecipeNoteKind.Dropped, message));

    /// <summary>Says in the report what this step changed beyond its own data (the site's home page …).</summary>
    public void Applied(string message) => Report.Add(new RecipeNote(StepIndex, StepName, RecipeNoteKind.Applied, message));

    /// <summary>Cancelled when the recipe's time limit is reached; a step with many items checks it between items.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public string RecipeName { get; } = recipeName;

    /// <summary>The parameters the recipe was run with (setup passes AdminUsername, SiteName, …).</summary>
    public IReadOnlyDictionary<string, string?> Parameters { get; } = parameters ?? new Dictionary<string, string?>();

    /// <summary>A parameter by name in any case, or null.</summary>
    public string? GetParameter(string name)
        => Parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>1-based position of the step in the recipe.</summary>
    public int StepIndex { get; } = stepIndex;

    public JsonObject Step { get; } = step;

    /// <summary>
    /// The step's "data" items in order, each with its expressions evaluated. A Content step read from a recipe's text
    /// gets them one at a time, parsed as they are asked for (its <see cref="Step"/>'s "data" is then empty; see
    /// <see cref="RecipeDocument"/>); any other step gets its "data" array. Read them once.
    /// </summary>
    public IEnumerable<JsonNode?> DataItems => Items ?? Step.GetArray("data");

    internal IEnumerable<JsonNode?>? Items { get; init; }

    public string StepName => Step.GetString("name") ?? "";
}

/// <summary>A recipe failed; the message names the step and item and is shown to the user as is.</summary>
public sealed class RecipeException(string message, Exception? inner = null) : Exception(message, inner);

public static class JsonCaseInsensitiveExtensions
{
    /// <summary>A property by name in any case ("data", "Data").</summary>
    public static JsonNode? GetProperty(this JsonObject obj, string name)
    {
        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    public static string? GetString(this JsonObject obj, string name)
        => obj.GetProperty(name) is JsonValue value ? value.ToString() : null;

    public static JsonArray GetArray(this JsonObject obj, string name)
        => obj.GetProperty(name) as JsonArray ?? [];
}
