using System.Collections.Concurrent;
using System.Text;
using Liaison.Search.Querying;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.ContentParts.Sanitizing;
using LiaisonSite.Core.ContentManagement;
using Lucene.Net.Documents;

namespace Liaison.Search.Indexing;

/// <summary>Turns a published version into a search document: title, the text of its bodies and text/HTML fields, facets.</summary>
public sealed class SearchDocumentBuilder(IHtmlSanitizerService sanitizer)
{
    // Parts whose text is not body text (the title has its own field; paths and pickers are not prose).
    private static readonly HashSet<string> s_skippedParts = ["TitlePart", "AutoroutePart", "CommonPart"];

    // The words of each type's display name, cut once: analysing them again for every document cost ~10 % of indexing.
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _typeNameTerms = new();

    /// <summary>
    /// The type's display name is searchable too, so 典型事例 finds the typical examples. Only the id, type and branch
    /// are indexed untokenized, for updates and filters; owner, path and date are only stored, to show the hit.
    /// </summary>
    public Document Build(ContentItem item, string? typeDisplayName = null)
    {
        var document = new Document
        {
            new StringField(SearchFields.Id, item.ContentItemId, Field.Store.YES),
            new TextField(SearchFields.Title, item.DisplayText ?? "", Field.Store.YES),
            new TextField(SearchFields.Body, BodyText(item), Field.Store.YES),
            new StringField(SearchFields.Type, item.ContentType, Field.Store.YES),
            new StoredField(SearchFields.Owner, item.Owner ?? ""),
            new StoredField(SearchFields.Path, Path(item)),
            new StoredField(SearchFields.Published, (item.PublishedUtc ?? item.ModifiedUtc ?? DateTime.UnixEpoch).Ticks),
        };
        foreach (var word in _typeNameTerms.GetOrAdd(typeDisplayName ?? "", SearchQueryBuilder.Terms))
        {
            document.Add(new StringField(SearchFields.TypeName, word, Field.Store.NO));
        }

        foreach (var branch in Branches(item))
        {
            document.Add(new StringField(SearchFields.Branch, branch, Field.Store.NO));
        }

        return document;
    }

    public string BodyText(ContentItem item)
    {
        var text = new StringBuilder();
        foreach (var (partName, part) in item.Content)
        {
            if (s_skippedParts.Contains(partName) || part is not JsonObject partObject)
            {
                continue;
            }

            Append(text, String(partObject["Html"]), html: true);
            Append(text, String(partObject["Markdown"]), html: false);
            foreach (var (_, field) in partObject)
            {
                if (field is JsonObject fieldObject)
                {
                    Append(text, String(fieldObject["Text"]), html: false);
                    Append(text, String(fieldObject["Html"]), html: true);
                }
            }
        }

        return text.ToString().Trim();
    }

    public static IEnumerable<string> Branches(ContentItem item)
        => (item.GetField(item.ContentType, "Branch")?["ContentItemIds"] as JsonArray ?? [])
            .Select(String)
            .OfType<string>()
            .Where(id => id.Trim().Length > 0)
            .Distinct();

    private static string Path(ContentItem item)
        => String(item.Content["AutoroutePart"]?["Path"]) is { Length: > 0 } path ? "/" + path.TrimStart('/') : "";

    private void Append(StringBuilder text, string? value, bool html)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(html ? sanitizer.ToPlainText(value) : value.Trim()).Append('\n');
        }
    }

    private static string? String(JsonNode? node)
        => node is not null && node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}
