using System.Diagnostics;
using System.Text.RegularExpressions;
using Liaison.ContentParts.Sanitizing;
using Liaison.Search;
using Liaison.Search.Data;
using Liaison.Search.Indexing;
using Liaison.Search.Querying;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Modules;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project bench/Liaison.Search.Bench -- [count]
var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var folder = Path.Combine(Path.GetTempPath(), "liaison-search-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton(new ModuleCatalog([new Liaison.ContentParts.ContentPartsModule(), new Liaison.Contents.ContentsModule(), new SearchModule()]));
services.AddDbContext<SqliteLiaisonDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}"));
services.AddScoped<LiaisonDbContext>(sp => sp.GetRequiredService<SqliteLiaisonDbContext>());
services.AddScoped<ITypeNameSource, BenchTypes>();
services.AddSingleton(TimeProvider.System);
services.AddSingleton<IHtmlSanitizerService, BenchSanitizer>();
services.AddSingleton<SearchDocumentBuilder>();
services.AddSingleton(new SearchStore(Path.Combine(folder, "pipeline")));
services.AddSingleton<SearchIndexer>();
services.AddSingleton<SearchService>();
await using var provider = services.BuildServiceProvider();

Console.WriteLine($"Generating {count} published items…");
var items = Generator.Items(count).ToList();
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
    await db.Database.EnsureCreatedAsync();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    foreach (var chunk in items.Chunk(5000))
    {
        db.ContentItems.AddRange(chunk);
        db.Set<IndexingTask>().AddRange(chunk.Select(i => new IndexingTask { ContentItemId = i.ContentItemId, CreatedUtc = DateTime.UtcNow }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

// Bare Lucene: the same analyzer, documents with the same title and body text, from memory. A first small run
// loads SmartCn's dictionaries and compiles Lucene's code, so that the timed bare run does not pay for them.
var sanitizer = new BenchSanitizer();
Bare(items.Take(1000), Path.Combine(folder, "warmup"));
var process = Process.GetCurrentProcess();
var cpu = process.TotalProcessorTime;
var bare = Stopwatch.StartNew();
Bare(items, Path.Combine(folder, "bare"));
bare.Stop();
process.Refresh();
var bareCpu = process.TotalProcessorTime - cpu;

// Our pipeline: tasks read from the database after the cursor, published versions loaded, the index committed.
var indexer = provider.GetRequiredService<SearchIndexer>();
cpu = process.TotalProcessorTime;
var pipeline = Stopwatch.StartNew();
var applied = await indexer.UpdateAsync();
pipeline.Stop();
process.Refresh();
var pipelineCpu = process.TotalProcessorTime - cpu;

var store = provider.GetRequiredService<SearchStore>();
var search = provider.GetRequiredService<SearchService>();
var latencies = new List<double>();
string[] publicTypes = ["TypicalExample", "BranchNews"];
var random = new Random(7);
for (var i = 0; i < 1000; i++)
{
    var q = Generator.QueryWords[random.Next(Generator.QueryWords.Length)];
    var watch = Stopwatch.StartNew();
    search.SearchPublic(q, publicTypes, null, null, 0, 10);
    latencies.Add(watch.Elapsed.TotalMilliseconds);
}

latencies.Sort();
Console.WriteLine($"items: {count}, tasks applied: {applied}, documents: {store.Index.DocumentCount}");
Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"bare IndexWriter: {bare.Elapsed.TotalSeconds:F1} s, {count / bare.Elapsed.TotalSeconds:F0} docs/s (CPU {bareCpu.TotalSeconds:F1} s)");
Console.WriteLine($"pipeline (tasks → indexer → index): {pipeline.Elapsed.TotalSeconds:F1} s, {count / pipeline.Elapsed.TotalSeconds:F0} docs/s, {bare.Elapsed.TotalSeconds / pipeline.Elapsed.TotalSeconds:P0} of bare (CPU {pipelineCpu.TotalSeconds:F1} s)");
Console.WriteLine($"search over 1000 queries: p50 {latencies[499]:F2} ms, p95 {latencies[949]:F2} ms, max {latencies[^1]:F2} ms");
store.Dispose();
Directory.Delete(folder, recursive: true);

void Bare(IEnumerable<ContentItem> source, string path)
{
    using var directory = Lucene.Net.Store.FSDirectory.Open(path);
    using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneIndex.Version, LuceneIndex.Analyzer) { RAMBufferSizeMB = 64 });
    foreach (var item in source)
    {
        writer.AddDocument(new Document
        {
            new StringField("id", item.ContentItemId, Field.Store.YES),
            new TextField("title", item.DisplayText, Field.Store.YES),
            new TextField("body", sanitizer.ToPlainText(item.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>()), Field.Store.YES),
        });
    }

    writer.Commit();
}

internal sealed class BenchTypes : ITypeNameSource
{
    public Task<IReadOnlyDictionary<string, string>> GetDisplayNamesAsync()
        => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["TypicalExample"] = "典型事例" });
}

internal sealed partial class BenchSanitizer : IHtmlSanitizerService
{
    public string Sanitize(string? html) => html ?? "";

    public string ToPlainText(string? html, int maxLength = int.MaxValue) => Tags().Replace(html ?? "", " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
