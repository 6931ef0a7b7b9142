using System.Text.Json.Nodes;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Liaison.Recipes.Services;

internal sealed class RecipeHarvester(IHostEnvironment environment, ILogger<RecipeHarvester> logger) : IRecipeHarvester
{
    private const string Extension = ".recipe.json";

    public async Task<IReadOnlyList<RecipeDescriptor>> HarvestAsync(CancellationToken cancellationToken = default)
    {
        var found = new List<RecipeDescriptor>();
        var folders = Roots()
            .Select(root => Path.GetFullPath(Path.Combine(root, "recipes")))
            .Distinct(StringComparer.Ordinal)
            .Where(Directory.Exists);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*" + Extension).Order(StringComparer.Ordinal))
            {
                var descriptor = await ReadAsync(file, cancellationToken);
                if (descriptor is not null && !found.Any(d => string.Equals(d.Name, descriptor.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add(descriptor);
                }
            }
        }

        return found;
    }

    public async Task<RecipeDescriptor?> FindAsync(string name, CancellationToken cancellationToken = default)
        => (await HarvestAsync(cancellationToken)).FirstOrDefault(d =>
            string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.GetFileName(d.FilePath), name + Extension, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<string> Roots()
    {
        yield return environment.ContentRootPath;
        yield return AppContext.BaseDirectory;

        // Running from the source tree (dotnet run, tests): the repository's recipes/ folder.
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiaisonSite.sln")))
            {
                yield return dir.FullName;
                yield break;
            }
        }
    }

    private async Task<RecipeDescriptor?> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var recipe = RecipeParser.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            var fileName = Path.GetFileName(file)[..^Extension.Length];
            var name = recipe.GetString("name") is { Length: > 0 } n ? n : fileName;
            return new RecipeDescriptor(
                name,
                recipe.GetString("displayName") is { Length: > 0 } display ? display : name,
                recipe.GetString("description"),
                file,
                recipe.GetProperty("issetuprecipe") is JsonValue setup && setup.ToString().Equals("true", StringComparison.OrdinalIgnoreCase),
                [.. recipe.GetArray("tags").Select(t => t?.ToString() ?? "").Where(t => t.Length > 0)]);
        }
        catch (Exception e) when (e is RecipeException or IOException or UnauthorizedAccessException)
        {
            // A broken file must not hide the others; it is reported when someone runs it by path.
            logger.LogWarning(e, "Skipping recipe file {File}: {Message}", file, e.Message);
            return null;
        }
    }
}
