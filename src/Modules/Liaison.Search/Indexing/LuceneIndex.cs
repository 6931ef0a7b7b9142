using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Liaison.Search.Indexing;

/// <summary>
/// One Lucene index in a folder: a long-lived writer (Lucene allows one per folder) and a searcher manager that
/// hands out near-real-time searchers. Thread-safe, as IndexWriter and SearcherManager are.
/// </summary>
public sealed class LuceneIndex : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    public LuceneIndex(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        _directory = FSDirectory.Open(new DirectoryInfo(folder));
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>SmartCn splits Chinese into words, so 谈心 is a term of 开展谈心活动. Stateless per field, so shared.</summary>
    public static Analyzer Analyzer { get; } = new SmartChineseAnalyzer(Version);

    public void Put(string id, Document document) => _writer.UpdateDocument(new Term(SearchFields.Id, id), document);

    /// <summary>Adds without first deleting by id: only for an index known not to hold the item (a rebuild).</summary>
    public void Add(Document document) => _writer.AddDocument(document);

    public void Delete(string id) => _writer.DeleteDocuments(new Term(SearchFields.Id, id));

    public void DeleteAll() => _writer.DeleteAll();

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private long _commits;

    /// <summary>
    /// Names what new searches see: this index object and how many commits it has made visible (it changes once a
    /// commit is visible). Nodes have their own indexes, so the values of two nodes never coincide.
    /// </summary>
    public string Generation => _instance + "." + Interlocked.Read(ref _commits);

    /// <summary>Makes the changes durable and visible to new searches.</summary>
    public void Commit()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
        Interlocked.Increment(ref _commits);
    }

    public int DocumentCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }
}
