using System.Globalization;
using System.Text;
using System.Xml;

namespace Liaison.Publicity.Feeds;

public sealed record RssChannel(string Title, string Link, string Description, string SelfLink);

/// <summary>Writes an RSS 2.0 document with XmlWriter, so every title and summary is escaped by the writer.</summary>
public static class RssWriter
{
    public const string ContentType = "application/rss+xml; charset=utf-8";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(RssChannel channel, IEnumerable<(FeedEntry Entry, string Link)> items)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, Atom);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", channel.Title);
            xml.WriteElementString("link", channel.Link);
            xml.WriteElementString("description", channel.Description);
            xml.WriteElementString("language", "zh-cn");

            // A feed reader finds the feed's own address here (recommended by the RSS validators).
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("href", channel.SelfLink);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();

            foreach (var (entry, link) in items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", entry.Title);
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(entry.ContentItemId);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Rfc1123(entry.PublishedUtc));
                xml.WriteElementString("description", entry.Description);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    public static string Rfc1123(DateTime utc)
        => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);
}
