using System.Globalization;
using System.Text;
using System.Xml;
using LiaisonSite.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Liaison.Publicity.Feeds;

/// <summary>/sitemap.xml of the published public pages, and /robots.txt pointing crawlers to it.</summary>
[AllowAnonymous]
public sealed class SitemapController(SitemapQuery query) : Controller
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Areas that are no use to a search engine; robots.txt is advice, the pages themselves need sign-in.</summary>
    public static readonly string[] Disallowed = ["/admin", "/api", "/login"];

    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public async Task<IActionResult> Sitemap()
    {
        var entries = await query.ListAsync();
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, entry.Path == "/" ? SiteUrls.Base(Request) + "/" : SiteUrls.Absolute(Request, entry.Path));
                if (entry.LastModifiedUtc is { } modified)
                {
                    xml.WriteElementString("lastmod", Namespace, DateTime.SpecifyKind(modified, DateTimeKind.Utc)
                        .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return File(stream.ToArray(), "application/xml; charset=utf-8");
    }

    [HttpGet("/robots.txt")]
    [OutputCache(PolicyName = PublicPageCache.PolicyName)]
    public IActionResult Robots()
    {
        var text = new StringBuilder("User-agent: *\n");
        foreach (var path in Disallowed)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }

        text.Append("\nSitemap: ").Append(SiteUrls.Base(Request)).Append("/sitemap.xml\n");
        return Content(text.ToString(), "text/plain; charset=utf-8");
    }
}
