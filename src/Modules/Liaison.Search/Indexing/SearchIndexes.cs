using System.Globalization;
using LiaisonSite.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Liaison.Search.Indexing;

/// <summary>
/// This node's indexes under {AppData}/Indexes/{node}: "public" (published items of public types, for /search)
/// and "admin" (every published item, for the admin search, filtered per user), and the cursor file holding the
/// id of the last indexing task applied to both.
/// </summary>
public sealed class SearchIndexes : IDisposable
{
    private readonly string _cursorFile;

    public SearchIndexes(string folder)
    {
        Folder = folder;
        System.IO.Directory.CreateDirectory(folder);
        _cursorFile = System.IO.Path.Combine(folder, "cursor.txt");
        Public = new LuceneIndex(System.IO.Path.Combine(folder, "public"));
        Admin = new LuceneIndex(System.IO.Path.Combine(folder, "admin"));
    }

    /// <summary>{AppData}/Indexes/{Liaison:NodeName, or the machine name}.</summary>
    public static string FolderFor(LiaisonOptions options, IConfiguration configuration)
        => System.IO.Path.Combine(options.AppData, "Indexes", NodeName(configuration));

    public string Folder { get; }

    public LuceneIndex Public { get; }

    public LuceneIndex Admin { get; }

    /// <summary>Id of the last applied task; written after both indexes committed, so a crash only replays tasks.</summary>
    public long Cursor
    {
        get => File.Exists(_cursorFile) && long.TryParse(File.ReadAllText(_cursorFile), CultureInfo.InvariantCulture, out var id) ? id : 0;
        set => File.WriteAllText(_cursorFile, value.ToString(CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        Public.Dispose();
        Admin.Dispose();
    }

    private static string NodeName(IConfiguration configuration)
    {
        var name = configuration["Liaison:NodeName"];
        name = string.IsNullOrWhiteSpace(name) ? Environment.MachineName : name;
        return string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
    }
}
