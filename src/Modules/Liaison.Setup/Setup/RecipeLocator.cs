using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Hosting;

namespace Liaison.Setup.Setup;

/// <summary>
/// A setup recipe: a file path (absolute, or relative to the content root — e.g. an Orchard Core theme's recipe,
/// unchanged) or a harvested recipe by name ("liaison", "liaison-demo").
/// </summary>
internal sealed class RecipeLocator(IRecipeHarvester harvester, IHostEnvironment environment)
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

        var path = Path.IsPathRooted(recipe) ? recipe : Path.Combine(environment.ContentRootPath, recipe);
        if (File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        return (await harvester.FindAsync(recipe, cancellationToken))?.FilePath;
    }
}
