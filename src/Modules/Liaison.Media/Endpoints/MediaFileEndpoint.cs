using Liaison.Media.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Liaison.Media.Endpoints;

/// <summary>
/// Serves library images at /media/{path} to everyone: images are only ever used by public content (and editors are
/// told never to upload personal data). Stored files never change under a generated name, so they are cached long.
/// </summary>
internal static class MediaFileEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/media/{**path}", Serve).AllowAnonymous().ExcludeFromDescription();

    private static IResult Serve(string? path, MediaStore store, HttpContext context)
    {
        var file = MediaPaths.Resolve(store.Root, path);
        if (file is null || !File.Exists(file))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        var info = new FileInfo(file);
        return TypedResults.PhysicalFile(file, MediaPaths.ContentTypes[info.Extension], lastModified: info.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\""));
    }
}
