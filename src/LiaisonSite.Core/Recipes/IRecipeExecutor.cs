namespace LiaisonSite.Core.Recipes;

/// <summary>Runs a recipe: all its steps in one transaction, so a failing recipe leaves nothing half-applied.</summary>
public interface IRecipeExecutor
{
    /// <param name="json">The recipe text (comments and trailing commas allowed).</param>
    /// <param name="parameters">Values for <c>[js: parameters('name')]</c>.</param>
    /// <exception cref="RecipeException">The recipe is invalid or a step failed; nothing was changed.</exception>
    Task<RecipeResult> ExecuteAsync(string json, IReadOnlyDictionary<string, string?>? parameters = null, CancellationToken cancellationToken = default);
}

/// <summary>What a recipe run did: the recipe's name and how many steps ran.</summary>
public sealed record RecipeResult(string Name, int StepCount);
