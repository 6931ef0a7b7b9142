namespace LiaisonSite.Core.Recipes;

/// <summary>
/// The recipes shipped with the site: every <c>*.recipe.json</c> in the content root's "recipes" folder and in the
/// application's base directory's "recipes" folder, then the repository's when running from source (the first found
/// wins for a name).
/// </summary>
public interface IRecipeHarvester
{
    Task<IReadOnlyList<RecipeDescriptor>> HarvestAsync(CancellationToken cancellationToken = default);

    /// <summary>A recipe by its "name" (any case) or file name without ".recipe.json", or null.</summary>
    Task<RecipeDescriptor?> FindAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>A recipe file and what its header says about it.</summary>
public sealed record RecipeDescriptor(
    string Name, string DisplayName, string? Description, string FilePath, bool IsSetupRecipe, IReadOnlyList<string> Tags)
{
    public Task<string> ReadAsync(CancellationToken cancellationToken = default) => File.ReadAllTextAsync(FilePath, cancellationToken);
}

public static class RecipeExecutorExtensions
{
    /// <summary>Runs a harvested recipe (e.g. setup: <c>await executor.ExecuteAsync(await harvester.FindAsync("liaison"), parameters)</c>).</summary>
    public static async Task<RecipeResult> ExecuteAsync(
        this IRecipeExecutor executor, RecipeDescriptor recipe, IReadOnlyDictionary<string, string?>? parameters = null,
        CancellationToken cancellationToken = default)
        => await executor.ExecuteAsync(
            await recipe.ReadAsync(cancellationToken),
            new RecipeRunOptions { Parameters = parameters, Folder = Path.GetDirectoryName(Path.GetFullPath(recipe.FilePath)) },
            cancellationToken);
}
