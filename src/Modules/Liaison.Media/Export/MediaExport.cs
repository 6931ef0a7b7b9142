using System.Text.Json.Nodes;
using Liaison.Media.Contracts;
using Liaison.Media.Processing;
using Liaison.Media.Storage;

namespace Liaison.Media.Export;

/// <summary>Exports the library's images (the stored originals, not their -800/-400 variants) as Base64.</summary>
internal sealed class MediaExport(MediaStore store) : IMediaExport
{
    public async Task<MediaExportResult> BuildStepAsync(IEnumerable<string>? paths = null, CancellationToken cancellationToken = default)
    {
        List<string> wanted = paths is null ? [.. List().Select(f => f.Path)] : [.. paths.Select(p => p.Trim().TrimStart('/')).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)];
        var files = new JsonArray();
        var missing = new List<string>();
        foreach (var path in wanted.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = MediaPaths.Resolve(store.Root, path);
            if (file is null || !File.Exists(file))
            {
                missing.Add(path);
                continue;
            }

            files.Add(new JsonObject
            {
                ["TargetPath"] = path,
                ["Base64"] = Convert.ToBase64String(await File.ReadAllBytesAsync(file, cancellationToken)),
            });
        }

        return new MediaExportResult(new JsonObject { ["name"] = "media", ["Files"] = files }, missing);
    }

    /// <summary>Every image in the library folder but the variants written beside it.</summary>
    public IReadOnlyList<MediaLibraryFile> List()
    {
        if (!Directory.Exists(store.Root))
        {
            return [];
        }

        var variants = ImageProcessor.VariantEdges.Select(e => "-" + e).ToList();
        return [.. Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories)
            .Select(f => (File: f, Path: Path.GetRelativePath(store.Root, f).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => MediaPaths.IsValid(f.Path) && !variants.Any(v => Path.GetFileNameWithoutExtension(f.Path).EndsWith(v, StringComparison.Ordinal)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new MediaLibraryFile(f.Path, new FileInfo(f.File).Length))];
    }
}
