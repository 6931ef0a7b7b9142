using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace LiaisonSite.Core.Hosting;

/// <summary>
/// Security headers on every response — pages, files, errors, API answers and output-cached pages alike, because
/// they are added as the response starts. The Content-Security-Policy runs scripts only from the site's own files or
/// from an inline script carrying this request's nonce (<see cref="CspNonceExtensions.CspNonce"/>), never inline
/// handlers (onclick=…) or javascript: URLs. Styles may be inline: sanitized content keeps its style attributes, and a
/// style cannot run script. Images may come from https: sources, as sanitized content may show them. A response that
/// sets its own policy keeps it (a cached page keeps the policy it was stored with).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: https:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy(context.CspNonce()));
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            if (context.Request.IsHttps)
            {
                // A year; browsers keep to HTTPS after the first visit over it (behind a proxy: X-Forwarded-Proto).
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class CspNonceExtensions
{
    private const string ItemKey = "Liaison.CspNonce";

    /// <summary>
    /// This request's script nonce: <c>&lt;script nonce="@Context.CspNonce()"&gt;…&lt;/script&gt;</c>. Only for views that
    /// are never output-cached (admin pages): a cached page would hand the same nonce to every visitor. Prefer a file.
    /// </summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[ItemKey] is not string nonce)
        {
            context.Items[ItemKey] = nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        }

        return nonce;
    }
}
