using System.Globalization;
using LiaisonSite.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Liaison.Search.Indexing;

/// <summary>
/// This node's search folder {AppData}/Indexes/{node}: one Lucene index ("content": the published version of every
/// item, public or not; public search filters on the type, admin search on the user's rights), the cursor file, and
/// a layout marker. A folder from another layout (the old separate "public" and "admin" indexes, or a future one) is
/// emptied and flagged for a rebuild, so a deployed site never serves a stale index or trusts a cursor it no longer matches.
/// One process at a time has the folder: the store holds {folder}.lock beside it for its life (Lucene's own write lock
/// does not keep a second process out here), so <c>search rebuild</c> run beside the site, or two sites given the
/// same node name and app data, stop with <see cref="SearchFolderInUseException"/> instead of writing one index twice.
/// </summary>
public sealed class SearchStore : IDisposable
{
    /// <summary>Bump when the documents or folders change in a way old indexes cannot serve.</summary>
    public const string Layout = "2";

    private readonly string _cursorFile;
    private readonly string _layoutFile;
    private readonly FileStream _folderLock;

    /// <exception cref="SearchFolderInUseException">Another process has the folder.</exception>
    public SearchStore(string folder)
    {
        Folder = folder;
        System.IO.Directory.CreateDirectory(folder);

        // Taken before anything in the folder is read or cleared; outside it, so clearing an old layout keeps it.
        _folderLock = TakeFolder(folder);
        try
        {
            Open(folder, out _cursorFile, out _layoutFile);
        }
        catch
        {
            _folderLock.Dispose();
            throw;
        }
    }

    private void Open(string folder, out string cursorFile, out string layoutFile)
    {
        cursorFile = System.IO.Path.Combine(folder, "cursor.txt");
        layoutFile = System.IO.Path.Combine(folder, "layout.txt");
        if (!File.Exists(layoutFile) || File.ReadAllText(layoutFile).Trim() != Layout)
        {
            // An empty folder is a new node: it catches up from the first task. Anything else predates this layout.
            RebuildNeeded = Clear(folder);
            if (!RebuildNeeded)
            {
                File.WriteAllText(layoutFile, Layout);
            }
        }

        Index = new LuceneIndex(System.IO.Path.Combine(folder, "content"));
    }

    /// <summary>{folder}.lock, opened for this process alone (an advisory lock on Linux, which every .NET process honours).</summary>
    private static FileStream TakeFolder(string folder)
    {
        var path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder)) + ".lock";
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new SearchFolderInUseException(folder, e);
        }
    }

    /// <summary>{AppData}/Indexes/{Liaison:NodeName, or the machine name}.</summary>
    public static string FolderFor(LiaisonOptions options, IConfiguration configuration)
        => System.IO.Path.Combine(options.AppData, "Indexes", NodeName(configuration));

    public string Folder { get; }

    public LuceneIndex Index { get; private set; } = null!;

    /// <summary>True while the index must be rebuilt (found in another layout, or a rebuild failed); the indexer rebuilds first.</summary>
    public bool RebuildNeeded { get; set; }

    /// <summary>Id of the task up to which every task is applied; written after the index committed, so a crash only replays tasks.</summary>
    public long Cursor
    {
        get => File.Exists(_cursorFile) && long.TryParse(File.ReadAllText(_cursorFile), CultureInfo.InvariantCulture, out var id) ? id : 0;
        set => File.WriteAllText(_cursorFile, value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Called after a rebuild committed: the folder now holds this layout.</summary>
    public void MarkRebuilt()
    {
        File.WriteAllText(_layoutFile, Layout);
        RebuildNeeded = false;
    }

    public void Dispose()
    {
        Index.Dispose();
        _folderLock.Dispose();
    }

    /// <summary>Deletes what is in the folder; returns whether there was anything.</summary>
    private static bool Clear(string folder)
    {
        var any = false;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            any = true;
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        return any;
    }

    private static string NodeName(IConfiguration configuration)
    {
        var name = configuration["Liaison:NodeName"];
        name = string.IsNullOrWhiteSpace(name) ? Environment.MachineName : name;
        return string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
    }
}

/// <summary>Another process (a running site, or a second site with the same node name) has this node's search folder.</summary>
public sealed class SearchFolderInUseException(string folder, Exception inner)
    : Exception($"The search folder {folder} is in use by another process.", inner)
{
    public string Folder { get; } = folder;
}
