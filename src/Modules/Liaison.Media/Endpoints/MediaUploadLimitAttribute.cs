using Liaison.Media.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Media.Endpoints;

/// <summary>
/// Caps the request body before anything reads it at the configured upload size (plus room for the multipart envelope), so the server stops
/// reading an oversize upload instead of buffering it. A [RequestSizeLimit] attribute cannot read configuration.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MediaUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    // Before the antiforgery filter, which may read the form to find its token.
    public int Order => int.MinValue;

    private const long EnvelopeBytes = 64 * 1024;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var max = context.HttpContext.RequestServices.GetRequiredService<MediaOptions>().MaxUploadBytes + EnvelopeBytes;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request, new FormOptions
        {
            MultipartBodyLengthLimit = max,
            ValueCountLimit = 16,
        }));
    }
}
