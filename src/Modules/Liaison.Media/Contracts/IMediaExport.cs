using System.Text.Json.Nodes;

namespace Liaison.Media.Contracts;

/// <summary>
/// The media library as a recipe step, for exports: <c>{"name": "media", "Files": [{"TargetPath": "…", "Base64": "…"}]}</c>.
/// The media step of the importing site takes it back (each image decoded and re-encoded there, as uploads are).
/// </summary>
public interface IMediaExport
{
    /// <summary>
    /// The step with the stored images at <paramref name="paths"/> (library paths as a MediaField holds them, with or
    /// without a leading slash); <c>null</c> exports the whole library. Paths that hold no image are named in
    /// <see cref="MediaExportResult.Missing"/>, never guessed.
    /// </summary>
    Task<MediaExportResult> BuildStepAsync(IEnumerable<string>? paths = null, CancellationToken cancellationToken = default);

    /// <summary>Every image of the library (its stored original, not the sized variants), with its size in bytes.</summary>
    IReadOnlyList<MediaLibraryFile> List();
}

/// <summary>An image of the library: its path as a MediaField holds it, and its size.</summary>
public sealed record MediaLibraryFile(string Path, long Bytes);

/// <param name="Step">The recipe step (an empty Files array when there is nothing to export).</param>
/// <param name="Missing">Requested paths that are not in the library.</param>
public sealed record MediaExportResult(JsonObject Step, IReadOnlyList<string> Missing);
