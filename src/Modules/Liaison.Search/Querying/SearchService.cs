using System.Net;
using Liaison.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace Liaison.Search.Querying;

/// <summary>One found item; <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are encoded HTML with &lt;mark&gt; around the words.</summary>
public sealed record SearchHit(string ContentItemId, string ContentType, string Path, string Owner, DateTime Published, string TitleHtml, string SnippetHtml);

/// <summary>
/// Runs searches on this node's index and highlights the hits. The index holds every published item, so what the
/// public may find is decided here, at query time, by the same rule as the public pages: the item's type is public.
/// A type made private later is thus hidden at once, without reindexing.
/// </summary>
public sealed class SearchService(SearchStore store)
{
    /// <summary>Results beyond this rank are not offered: nobody pages that far, and it bounds the cost of a query.</summary>
    public const int MaxResults = 1000;

    private const int SnippetLength = 160;

    // The snippet is cut from this much of the body around the first place a word occurs: the highlighter analyses
    // the text it is given again (SmartCn segmentation), so a long body cost a hit most of a search's time.
    private const int HighlightWindow = 1200;

    private volatile TypesFilter? _publicFilter;

    /// <summary>
    /// Published items of <paramref name="publicTypes"/> only, without <paramref name="excludedIds"/> (items only signed-in
    /// users may read, for an anonymous search); null when the text has no words.
    /// </summary>
    public (IReadOnlyList<SearchHit> Hits, int Total)? SearchPublic(
        string? text, IReadOnlyCollection<string> publicTypes, string? type, string? branch, int skip, int take,
        IReadOnlyCollection<string>? excludedIds = null)
        => Search(text, OfTypes(publicTypes), type, branch, skip, take, excludedIds);

    /// <summary>
    /// The ids of every published item found, public or not, best first (at most <paramref name="take"/>); the caller
    /// keeps only what the user may see and asks <see cref="HitsFor"/> for the page it shows. Only the id of each is
    /// read here: highlighting a thousand hits to show twenty was most of an admin search's time. Null when the text
    /// has no words.
    /// </summary>
    public IReadOnlyList<string>? RankAll(string? text, int take)
    {
        var query = SearchQueryBuilder.Build(SearchQueryBuilder.Terms(text), type: null, branch: null);
        if (query is null)
        {
            return null;
        }

        return store.Index.Search(searcher =>
        {
            // The ids come from the field cache (the indexed id terms of each segment, loaded once per segment), not
            // from the stored fields: reading a stored id decompresses the block of stored titles and bodies around it,
            // which was two thirds of an admin search's time at 50,000 items (bench/data, perf).
            var leaves = searcher.IndexReader.Leaves;
            var id = new BytesRef();
            var ids = new List<string>();
            foreach (var hit in searcher.Search(query, Math.Max(1, Math.Min(MaxResults, take))).ScoreDocs)
            {
                var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
                FieldCache.DEFAULT.GetTerms(leaf.AtomicReader, SearchFields.Id, false).Get(hit.Doc - leaf.DocBase, id);
                ids.Add(id.Utf8ToString());
            }

            return (IReadOnlyList<string>)ids;
        });
    }

    /// <summary>
    /// The highlighted hits of <paramref name="contentItemIds"/> for the text, in the order given; an id no longer in
    /// the index (removed since it was ranked) is left out.
    /// </summary>
    public IReadOnlyList<SearchHit> HitsFor(string? text, IReadOnlyList<string> contentItemIds)
    {
        var terms = SearchQueryBuilder.Terms(text);
        var query = SearchQueryBuilder.Build(terms, type: null, branch: null);
        if (query is null || contentItemIds.Count == 0)
        {
            return [];
        }

        return store.Index.Search(searcher => (IReadOnlyList<SearchHit>)[.. contentItemIds
            .Select(id => searcher.Search(new TermQuery(new Term(SearchFields.Id, id)), 1).ScoreDocs.FirstOrDefault())
            .OfType<ScoreDoc>()
            .Select(d => ToHit(searcher.Doc(d.Doc), query, terms))]);
    }

    /// <summary>How many indexed items the public may find.</summary>
    public int CountPublic(IReadOnlyCollection<string> publicTypes)
        => store.Index.Search(searcher => searcher.Search(new MatchAllDocsQuery(), OfTypes(publicTypes), 1).TotalHits);

    // The filter's matches are cached per index segment, so a query does not walk every public item's type again;
    // a new list of public types builds a new filter. No types, no clause: an empty query matches nothing (fails closed).
    private Filter OfTypes(IReadOnlyCollection<string> types)
    {
        var key = string.Join('\n', types.Order(StringComparer.Ordinal));
        var cached = _publicFilter;
        if (cached?.Key == key)
        {
            return cached.Filter;
        }

        var query = new BooleanQuery();
        foreach (var type in types)
        {
            query.Add(new TermQuery(new Term(SearchFields.Type, type)), Occur.SHOULD);
        }

        var filter = new CachingWrapperFilter(new QueryWrapperFilter(query));
        _publicFilter = new TypesFilter(key, filter);
        return filter;
    }

    private sealed record TypesFilter(string Key, Filter Filter);

    private (IReadOnlyList<SearchHit> Hits, int Total)? Search(
        string? text, Filter? filter, string? type, string? branch, int skip, int take, IReadOnlyCollection<string>? excludedIds = null)
    {
        var terms = SearchQueryBuilder.Terms(text);
        var query = SearchQueryBuilder.Build(terms, type, branch);
        if (query is null)
        {
            return null;
        }

        if (excludedIds is { Count: > 0 })
        {
            var without = new BooleanQuery { { query, Occur.MUST } };
            foreach (var id in excludedIds)
            {
                without.Add(new TermQuery(new Term(SearchFields.Id, id)), Occur.MUST_NOT);
            }

            query = without;
        }

        var want = Math.Min(MaxResults, skip + take);
        return store.Index.Search(searcher =>
        {
            var top = searcher.Search(query, filter, Math.Max(1, want));
            var hits = top.ScoreDocs.Skip(skip).Take(take)
                .Select(d => ToHit(searcher.Doc(d.Doc), query, terms))
                .ToList();
            return ((IReadOnlyList<SearchHit>)hits, top.TotalHits);
        });
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document document, Query query, IReadOnlyList<string> terms)
    {
        var title = document.Get(SearchFields.Title) ?? "";
        var body = AroundFirstWord(document.Get(SearchFields.Body) ?? "", terms);
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

    /// <summary>
    /// <paramref name="body"/> itself when short; else <see cref="HighlightWindow"/> characters starting a little
    /// before the first word found (the beginning when none is found as written, e.g. a match in the title only).
    /// </summary>
    internal static string AroundFirstWord(string body, IReadOnlyList<string> terms)
    {
        if (body.Length <= HighlightWindow)
        {
            return body;
        }

        var first = terms.Select(t => body.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, Math.Min(first - SnippetLength / 2, body.Length - HighlightWindow));
        if (start > 0 && char.IsLowSurrogate(body[start]))
        {
            start--;
        }

        var length = Math.Min(HighlightWindow, body.Length - start);
        if (length < body.Length - start && char.IsHighSurrogate(body[start + length - 1]))
        {
            length--;
        }

        return body.Substring(start, length);
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
