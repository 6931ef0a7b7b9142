using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.Http;

namespace Liaison.Publicity.Feeds;

/// <summary>Absolute addresses for feeds and the sitemap, from Liaison:BaseUrl or the request (<see cref="PublicOrigin"/>).</summary>
public static class SiteUrls
{
    public static string Base(HttpRequest request) => request.PublicOrigin();

    /// <summary>"/examples/开展谈心活动" → "https://host/examples/%E5%BC%80…": segments escaped as RFC 3986 asks.</summary>
    public static string Absolute(HttpRequest request, string path)
        => Base(request) + "/" + string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString));
}
