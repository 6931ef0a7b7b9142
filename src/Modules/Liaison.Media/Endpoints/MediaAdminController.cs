using Liaison.Media.Processing;
using Liaison.Media.Storage;
using LiaisonSite.Core.Mvc;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Liaison.Media.Endpoints;

/// <summary>The MediaField editor's upload: one image per request, answered in JSON for its fetch.</summary>
[Admin]
[Route("admin/media")]
public sealed class MediaAdminController(
    MediaStore store, MediaOptions options, ImageDecodeGate decoder, IStringLocalizer<MediaAdminController> localizer) : Controller
{
    private IStringLocalizer S { get; } = localizer;

    [HttpPost("upload")]
    [RequirePermission("Media.Upload")]
    [MediaUploadLimit]
    public async Task<IActionResult> Upload(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, S["Choose an image to upload."]);
        }

        IFormFile? file;
        try
        {
            file = (await Request.ReadFormAsync(cancellationToken)).Files.FirstOrDefault();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            return Error(StatusCodes.Status400BadRequest, S["The upload could not be read."]);
        }

        if (file is null || file.Length == 0)
        {
            return Error(StatusCodes.Status400BadRequest, S["Choose an image to upload."]);
        }

        var bytes = file.Length > options.MaxUploadBytes ? null : await ReadLimitedAsync(file, options.MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return TooLarge();
        }

        try
        {
            var stored = await store.SaveNewAsync(await decoder.ProcessAsync(bytes, null, cancellationToken), cancellationToken);
            return Json(new { path = stored.Path, url = stored.Url, width = stored.Width, height = stored.Height });
        }
        catch (ImageRejectedException e)
        {
            return Error(StatusCodes.Status400BadRequest, S[e.Message, e.Arguments]);
        }
        catch (ImageBusyException e)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, S[e.Message]);
        }
    }

    private IActionResult TooLarge()
        => Error(StatusCodes.Status413PayloadTooLarge, S["The image is larger than {0} MB.", Math.Round(options.MaxUploadBytes / 1048576.0, 1)]);

    private JsonResult Error(int status, string message) => new(new { error = message }) { StatusCode = status };

    /// <summary>The file's bytes, or null as soon as more than <paramref name="max"/> arrive (whatever Length claimed).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(IFormFile file, long max, CancellationToken cancellationToken)
    {
        await using var input = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
