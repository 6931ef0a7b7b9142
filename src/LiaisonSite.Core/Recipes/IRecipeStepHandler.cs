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

    /// <summary>
    /// The step's arrays that it reads item by item through <see cref="RecipeStepContext.ItemsOf"/> (a Content step's
    /// "data", a Roster step's rows): a recipe read from its text locates their items and parses each as it is asked
    /// for, so a step of 20,000 rows is never one tree. None by default.
    /// </summary>
    IReadOnlyCollection<string> ItemArrays => [];

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

    /// <summary>The step's "data" items in order, each with its expressions evaluated (<see cref="ItemsOf"/>). Read them once.</summary>
    public IEnumerable<JsonNode?> DataItems => ItemsOf("data") ?? [];

    /// <summary>
    /// The items of the step's array <paramref name="property"/> (any case) in order, each with its expressions
    /// evaluated, or null when the step has no such array. An array the handler names in
    /// <see cref="IRecipeStepHandler.ItemArrays"/> comes one item at a time from a recipe's text, parsed as it is asked
    /// for (the array in <see cref="Step"/> is then empty; see <see cref="RecipeDocument"/>). Read them once.
    /// </summary>
    public IEnumerable<JsonNode?>? ItemsOf(string property)
        => Arrays is not null && Arrays.TryGetValue(property, out var items) ? items : Step.GetProperty(property) as JsonArray;

    /// <summary>The located arrays when the step was read from a recipe's text, by name in any case.</summary>
    internal IReadOnlyDictionary<string, IEnumerable<JsonNode?>>? Arrays { get; init; }

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
