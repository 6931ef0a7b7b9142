using System.Text.Json.Nodes;
using Liaison.Media.Processing;
using Liaison.Media.Storage;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Localization;

namespace Liaison.Media.Recipes;

/// <summary>
/// The media library as a <see cref="MediaStep"/> reads it: each image once, as Base64 under its library path (the
/// sized variants are made again on import). For an export of chosen types, only the images its items name.
/// An export holds at most <see cref="MaxBytes"/> of images; what is past it is named in the notes, to be copied
/// with the media folder instead.
/// </summary>
internal sealed class MediaExporter(MediaStore store, IStringLocalizer<MediaExporter> S) : IRecipeStepExporter
{
    public const long MaxBytes = 256L * 1024 * 1024;

    public string Key => "media";

    public string DisplayName => S["Media (images as Base64)"];

    public int Order => 400;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        var root = store.Root;
        if (!Directory.Exists(root))
        {
            return [];
        }

        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(MediaPaths.IsValid)
            .ToHashSet(StringComparer.Ordinal);
        var originals = paths.Where(p => !IsVariantOfAnother(p, paths)).Order(StringComparer.Ordinal).ToList();
        if (context.OnlyReferencedMedia)
        {
            var text = string.Join('\n', context.Items.Select(i => i.ToJsonString()));
            originals = [.. originals.Where(p => text.Contains(p, StringComparison.Ordinal))];
        }

        var files = new JsonArray();
        long total = 0;
        var left = new List<string>();
        foreach (var path in originals)
        {
            var file = MediaPaths.Resolve(root, path)!;
            var length = new FileInfo(file).Length;
            if (total + length > MaxBytes)
            {
                left.Add(path);
                continue;
            }

            total += length;
            files.Add(new JsonObject
            {
                ["TargetPath"] = path,
                ["Base64"] = Convert.ToBase64String(await File.ReadAllBytesAsync(file, cancellationToken)),
            });
        }

        if (left.Count > 0)
        {
            context.Notes.Add(S["{0} images were left out: an export holds at most {1} MB of media. Copy the media folder for them: {2}",
                left.Count, MaxBytes / 1024 / 1024, string.Join(", ", left.Take(20))]);
        }

        return files.Count == 0 ? [] : [new JsonObject { ["name"] = "media", ["Files"] = files }];
    }

    /// <summary>"a-800.jpg" is a variant when "a.jpg" is in the library too.</summary>
    private static bool IsVariantOfAnother(string path, HashSet<string> all)
        => ImageProcessor.VariantEdges.Any(edge =>
        {
            var ext = Path.GetExtension(path);
            var suffix = "-" + edge + ext;
            return path.EndsWith(suffix, StringComparison.Ordinal) && all.Contains(path[..^suffix.Length] + ext);
        });
}
