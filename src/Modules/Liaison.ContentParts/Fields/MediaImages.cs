namespace Liaison.ContentParts.Fields;

/// <summary>
/// What the media library knows about a stored image: its size and its smaller variants, so that views can write
/// width/height and srcset. Implemented by Liaison.Media; without it images render with a plain src.
/// </summary>
public interface IMediaImageResolver
{
    MediaImageInfo? Find(string path);
}

public sealed record MediaImageInfo(int Width, int Height, IReadOnlyList<MediaImageVariant> Variants);

public sealed record MediaImageVariant(string Path, int Width);

/// <summary>The model of the shared "_MediaImage" partial. <see cref="Sizes"/> is the img sizes attribute.</summary>
public sealed record MediaImageModel(string Path, string Alt, string Sizes = "(max-width: 800px) 100vw, 800px", string? CssClass = null);
