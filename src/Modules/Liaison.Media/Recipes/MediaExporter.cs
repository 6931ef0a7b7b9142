using System.Text.Json.Nodes;
using Liaison.Media.Contracts;
using LiaisonSite.Core.Recipes;
using Microsoft.Extensions.Localization;

namespace Liaison.Media.Recipes;

/// <summary>
/// The media library in a complete export, as a <see cref="MediaStep"/> reads it (through <see cref="IMediaExport"/>):
/// each image once, as Base64 under its library path (the sized variants are made again on import). For an export of
/// chosen types, only the images its items name. An export holds at most <see cref="MaxBytes"/> of images; what is
/// past it is named in the notes, to be copied with the media folder instead.
/// </summary>
internal sealed class MediaExporter(IMediaExport media, IStringLocalizer<MediaExporter> S) : IRecipeStepExporter
{
    public const long MaxBytes = 256L * 1024 * 1024;

    public string Key => "media";

    public string DisplayName => S["Media (images as Base64)"];

    public int Order => 400;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        IEnumerable<MediaLibraryFile> files = media.List();
        if (context.OnlyReferencedMedia)
        {
            var text = string.Join('\n', context.Items.Select(i => i.ToJsonString()));
            files = files.Where(f => text.Contains(f.Path, StringComparison.Ordinal));
        }

        var chosen = new List<string>();
        var left = new List<string>();
        long total = 0;
        foreach (var file in files)
        {
            if (total + file.Bytes > MaxBytes)
            {
                left.Add(file.Path);
                continue;
            }

            total += file.Bytes;
            chosen.Add(file.Path);
        }

        if (left.Count > 0)
        {
            context.Notes.Add(S["{0} images were left out: an export holds at most {1} MB of media. Copy the media folder for them: {2}",
                left.Count, MaxBytes / 1024 / 1024, string.Join(", ", left.Take(20))]);
        }

        if (chosen.Count == 0)
        {
            return [];
        }

        var result = await media.BuildStepAsync(chosen, cancellationToken);
        return [result.Step];
    }
}
