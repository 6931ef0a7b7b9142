using Microsoft.AspNetCore.Http;

namespace Liaison.Publicity.Feeds;

/// <summary>Absolute addresses for feeds and the sitemap, built from the request (scheme, host, path base).</summary>
public static class SiteUrls
{
    public static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>"/examples/开展谈心活动" → "https://host/examples/%E5%BC%80…": segments escaped as RFC 3986 asks.</summary>
    public static string Absolute(HttpRequest request, string path)
        => Base(request) + "/" + string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString));
}
