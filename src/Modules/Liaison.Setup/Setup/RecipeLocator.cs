using LiaisonSite.Core.Recipes;

namespace Liaison.Setup.Setup;

/// <summary>A setup recipe: a harvested recipe by name ("liaison", "liaison-demo") or a file path.</summary>
internal sealed class RecipeLocator(IRecipeHarvester harvester)
{
    public static readonly IReadOnlyList<(string Name, string DisplayName)> Offered =
    [
        ("liaison", "LiaisonSite"),
        ("liaison-demo", "LiaisonSite + demo data"),
    ];

    public async Task<string?> FindAsync(string recipe, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(recipe))
        {
            return null;
        }

        if (recipe.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(recipe))
        {
            return Path.GetFullPath(recipe);
        }

        return (await harvester.FindAsync(recipe, cancellationToken))?.FilePath;
    }
}
