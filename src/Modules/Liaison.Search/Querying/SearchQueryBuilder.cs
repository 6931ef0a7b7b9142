using Liaison.Search.Indexing;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Liaison.Search.Querying;

/// <summary>
/// Builds the query from what a visitor typed without any query syntax: the text is cut into words by the same
/// analyzer as the index, and every word must occur in the title, the body or the type's name. Quotes, operators, wildcards, ranges
/// and "field:" are therefore just characters, so no input can fail to parse or reach a field it should not.
/// </summary>
public static class SearchQueryBuilder
{
    /// <summary>More words than this add little and cost much.</summary>
    public const int MaxTerms = 16;

    public static IReadOnlyList<string> Terms(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        using var stream = LuceneIndex.Analyzer.GetTokenStream(SearchFields.Body, text.Length > 200 ? text[..200] : text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < MaxTerms)
        {
            var word = term.ToString();
            if (word.Any(char.IsLetterOrDigit) && !terms.Contains(word))
            {
                terms.Add(word);
            }
        }

        stream.End();
        return terms;
    }

    /// <summary>The words as a query, narrowed to a type and a branch when given; null when there are no words.</summary>
    public static Query? Build(IReadOnlyList<string> terms, string? type, string? branch)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var word in terms)
        {
            var either = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Title, word)) { Boost = 2 }, Occur.SHOULD },
                { new TermQuery(new Term(SearchFields.Body, word)), Occur.SHOULD },
                { new TermQuery(new Term(SearchFields.TypeName, word)) { Boost = 0.5f }, Occur.SHOULD },
            };
            query.Add(either, Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(type))
        {
            query.Add(new TermQuery(new Term(SearchFields.Type, type.Trim())), Occur.MUST);
        }

        if (!string.IsNullOrWhiteSpace(branch))
        {
            query.Add(new TermQuery(new Term(SearchFields.Branch, branch.Trim())), Occur.MUST);
        }

        return query;
    }
}
