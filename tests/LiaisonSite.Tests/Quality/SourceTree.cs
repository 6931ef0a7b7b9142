namespace LiaisonSite.Tests.Quality;

/// <summary>The repository's source files, found from the test binary by walking up to LiaisonSite.sln.</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> Files(string folder, params string[] extensions)
        => Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !IsBuildOutput(f));

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static bool IsBuildOutput(string path)
    {
        var parts = Relative(path).Split('/');
        return parts.Contains("bin") || parts.Contains("obj") || parts.Contains("Migrations");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LiaisonSite.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LiaisonSite.sln not found above the test binary.");
    }
}
