using Microsoft.AspNetCore.Hosting;

namespace Liaison.Setup.Setup;

/// <summary>Finds a setup recipe by name in the shipped recipes/ folders, or by path.</summary>
internal sealed class RecipeLocator(IWebHostEnvironment environment)
{
    public static readonly IReadOnlyList<(string Name, string DisplayName)> Offered =
    [
        ("liaison", "LiaisonSite"),
        ("liaison-demo", "LiaisonSite + demo data"),
    ];

    public string? Find(string recipe)
    {
        if (string.IsNullOrWhiteSpace(recipe))
        {
            return null;
        }

        if (File.Exists(recipe))
        {
            return Path.GetFullPath(recipe);
        }

        var fileName = recipe.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? recipe : recipe + ".recipe.json";
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal) || fileName.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        return Folders().Select(folder => Path.Combine(folder, fileName)).FirstOrDefault(File.Exists);
    }

    private IEnumerable<string> Folders()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "recipes");
        yield return Path.Combine(environment.ContentRootPath, "recipes");

        // Running from the source tree (dotnet run, tests): the repository's recipes/ folder.
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiaisonSite.sln")))
            {
                yield return Path.Combine(dir.FullName, "recipes");
                yield break;
            }
        }
    }
}
