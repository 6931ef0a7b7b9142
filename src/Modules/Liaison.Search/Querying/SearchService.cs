using System.Net;
using Liaison.Search.Indexing;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Liaison.Search.Querying;

/// <summary>One found item; <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are encoded HTML with &lt;mark&gt; around the words.</summary>
public sealed record SearchHit(string ContentItemId, string ContentType, string Path, string Owner, DateTime Published, string TitleHtml, string SnippetHtml);

/// <summary>Runs searches on a <see cref="LuceneIndex"/> and highlights the hits.</summary>
public sealed class SearchService
{
    /// <summary>Results beyond this rank are not offered: nobody pages that far, and it bounds the cost of a query.</summary>
    public const int MaxResults = 1000;

    private const int SnippetLength = 160;

    /// <summary>The ranked hits (at most <paramref name="max"/>) and the total; null when the text has no words.</summary>
    public (IReadOnlyList<SearchHit> Hits, int Total)? Search(LuceneIndex index, string? text, string? type, string? branch, int skip, int take)
    {
        var terms = SearchQueryBuilder.Terms(text);
        var query = SearchQueryBuilder.Build(terms, type, branch);
        if (query is null)
        {
            return null;
        }

        var want = Math.Min(MaxResults, skip + take);
        return index.Search(searcher =>
        {
            var top = searcher.Search(query, Math.Max(1, want));
            var hits = top.ScoreDocs.Skip(skip).Take(take)
                .Select(d => ToHit(searcher.Doc(d.Doc), query))
                .ToList();
            return ((IReadOnlyList<SearchHit>)hits, top.TotalHits);
        });
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document document, Query query)
    {
        var title = document.Get(SearchFields.Title) ?? "";
        var body = document.Get(SearchFields.Body) ?? "";
        var ticks = document.GetField(SearchFields.Published)?.GetInt64Value() ?? 0;
        return new SearchHit(
            document.Get(SearchFields.Id) ?? "",
            document.Get(SearchFields.Type) ?? "",
            document.Get(SearchFields.Path) ?? "",
            document.Get(SearchFields.Owner) ?? "",
            new DateTime(ticks, DateTimeKind.Utc),
            Highlight(query, SearchFields.Title, title, title.Length + 1) ?? WebUtility.HtmlEncode(title),
            Highlight(query, SearchFields.Body, body, SnippetLength)
                ?? WebUtility.HtmlEncode(body.Length > SnippetLength ? body[..SnippetLength] + "…" : body));
    }

    private static string? Highlight(Query query, string field, string text, int fragmentSize)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // The encoder escapes the text; only the formatter's <mark> tags are markup.
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(query, field))
        {
            TextFragmenter = new SimpleFragmenter(fragmentSize),
        };
        using var tokens = LuceneIndex.Analyzer.GetTokenStream(field, text);
        var fragments = highlighter.GetBestFragments(tokens, text, 2);
        return fragments.Length == 0 ? null : string.Join(" … ", fragments);
    }
}
