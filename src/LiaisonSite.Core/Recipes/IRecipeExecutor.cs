namespace LiaisonSite.Core.Recipes;

/// <summary>Runs a recipe: all its steps in one transaction, so a failing recipe leaves nothing half-applied.</summary>
public interface IRecipeExecutor
{
    /// <param name="json">The recipe text (comments and trailing commas allowed).</param>
    /// <param name="parameters">Values for <c>[js: parameters('name')]</c>.</param>
    /// <exception cref="RecipeException">The recipe is invalid or a step failed; nothing was changed.</exception>
    Task<RecipeResult> ExecuteAsync(string json, IReadOnlyDictionary<string, string?>? parameters = null, CancellationToken cancellationToken = default)
        => ExecuteAsync(json, new RecipeRunOptions { Parameters = parameters }, cancellationToken);

    /// <summary>Runs a recipe with its parameters and the folder it was read from (for <c>[file:text('…')]</c>).</summary>
    /// <exception cref="RecipeException">The recipe is invalid or a step failed; nothing was changed.</exception>
    Task<RecipeResult> ExecuteAsync(string json, RecipeRunOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a recipe given as UTF-8 text (a file's bytes): a Content step's items are parsed one at a time from it, so
    /// a big import does not hold them all as JSON trees.
    /// </summary>
    /// <exception cref="RecipeException">The recipe is invalid or a step failed; nothing was changed.</exception>
    Task<RecipeResult> ExecuteAsync(ReadOnlyMemory<byte> utf8, RecipeRunOptions options, CancellationToken cancellationToken = default);
}

/// <summary>How a recipe is run: its parameters and the folder its file is in (null for an upload).</summary>
public sealed record RecipeRunOptions
{
    /// <summary>Values for <c>[js: parameters('name')]</c>: SiteName, AdminUsername, AdminUserId, AdminEmail …</summary>
    public IReadOnlyDictionary<string, string?>? Parameters { get; init; }

    /// <summary>
    /// The folder of the recipe file; <c>[file:text('…')]</c> reads files inside it only. Null when the recipe has no
    /// folder (uploaded): such expressions are then reported and give empty text.
    /// </summary>
    public string? Folder { get; init; }
}

/// <summary>What a recipe run did: the recipe's name, how many steps ran, and what it skipped or dropped.</summary>
public sealed record RecipeResult(string Name, int StepCount)
{
    public RecipeReport Report { get; init; } = new();
}
