namespace LiaisonSite.Core.Recipes;

/// <summary>Runs a recipe: all its steps in one transaction, so a failing recipe leaves nothing half-applied.</summary>
public interface IRecipeExecutor
{
    /// <param name="json">The recipe text (comments and trailing commas allowed).</param>
    /// <param name="parameters">Values for <c>[js: parameters('name')]</c>.</param>
    Task ExecuteAsync(string json, IReadOnlyDictionary<string, string?>? parameters = null, CancellationToken cancellationToken = default);
}
