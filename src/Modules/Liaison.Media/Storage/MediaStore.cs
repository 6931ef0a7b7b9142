using Liaison.Media.Processing;

namespace Liaison.Media.Storage;

/// <summary>A stored image: its library path, address and size, for the editor's preview.</summary>
internal sealed record StoredMedia(string Path, string Url, int Width, int Height);

/// <summary>Writes processed images into the library folder and finds them again.</summary>
public sealed class MediaStore(MediaOptions options, TimeProvider clock)
{
    internal string Root => options.Root;

    /// <summary>Stores an upload under a generated name ("2026/11/{random}.jpg"); the user's file name is never used.</summary>
    internal Task<StoredMedia> SaveNewAsync(ProcessedImage image, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var path = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}.{image.Extension}";
        return SaveAsync(path, image, cancellationToken);
    }

    /// <summary>Stores the main file and its variants at <paramref name="path"/>, replacing what was there.</summary>
    internal async Task<StoredMedia> SaveAsync(string path, ProcessedImage image, CancellationToken cancellationToken = default)
    {
        var file = MediaPaths.Resolve(options.Root, path) ?? throw new ImageRejectedException("The media path is not valid.");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        foreach (var edge in ImageProcessor.VariantEdges)
        {
            // A variant left by an earlier, larger image must not outlive it.
            File.Delete(MediaPaths.Resolve(options.Root, MediaPaths.Variant(path, edge))!);
        }

        await WriteAsync(file, image.Bytes, cancellationToken);
        foreach (var variant in image.Variants)
        {
            await WriteAsync(MediaPaths.Resolve(options.Root, MediaPaths.Variant(path, variant.Edge))!, variant.Bytes, cancellationToken);
        }

        return new StoredMedia(path, Liaison.ContentParts.Fields.MediaField.Url(path), image.Width, image.Height);
    }

    /// <summary>Writes to a temporary file first so that a reader never sees half an image.</summary>
    private static async Task WriteAsync(string file, byte[] bytes, CancellationToken cancellationToken)
    {
        var temp = file + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        File.Move(temp, file, overwrite: true);
    }
}
