using Liaison.Search.Indexing;

namespace LiaisonSite.Tests.Modules.Search;

public sealed class SearchStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "liaison-tests", "store-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Open_EmptyFolder_StartsAtTheFirstTaskWithoutARebuild()
    {
        using var store = new SearchStore(_folder);

        Assert.False(store.RebuildNeeded);
        Assert.Equal(0, store.Cursor);
        Assert.Equal(SearchStore.Layout, File.ReadAllText(Path.Combine(_folder, "layout.txt")));
    }

    [Fact]
    public void Open_FolderOfTheOldPublicAndAdminLayout_EmptiesItAndAsksForARebuild()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "public"));
        Directory.CreateDirectory(Path.Combine(_folder, "admin"));
        File.WriteAllText(Path.Combine(_folder, "cursor.txt"), "5000");

        using var store = new SearchStore(_folder);

        Assert.True(store.RebuildNeeded);
        Assert.Equal(0, store.Cursor);
        Assert.False(Directory.Exists(Path.Combine(_folder, "public")));
        Assert.False(Directory.Exists(Path.Combine(_folder, "admin")));
    }

    [Fact]
    public void Open_AfterARebuildWasMarked_KeepsTheIndexAndTheCursor()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "admin"));
        using (var first = new SearchStore(_folder))
        {
            first.Cursor = 42;
            first.MarkRebuilt();
        }

        using var second = new SearchStore(_folder);

        Assert.False(second.RebuildNeeded);
        Assert.Equal(42, second.Cursor);
    }

    [Fact]
    public void Open_FolderOfTheOldLayoutWhoseRebuildNeverFinished_AsksForARebuildAgain()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "admin"));
        using (var first = new SearchStore(_folder))
        {
            first.Cursor = 42;
        }

        using var second = new SearchStore(_folder);

        Assert.True(second.RebuildNeeded);
    }

    [Fact]
    public void Open_WhileAnotherStoreHasTheFolder_IsRefusedAndTouchesNothing_ThenOpensOnceItIsLetGo()
    {
        var first = new SearchStore(_folder);
        first.Cursor = 7;

        // Another process's store would hold the same lock: the lock file is opened for one holder only.
        var refused = Assert.Throws<SearchFolderInUseException>(() => new SearchStore(_folder));
        first.Dispose();
        using var second = new SearchStore(_folder);

        Assert.Equal(_folder, refused.Folder);
        Assert.Equal(7, second.Cursor);
        Assert.False(second.RebuildNeeded);
    }

    [Fact]
    public void Open_OldLayoutFolderHeldByAnotherProcess_IsNotEmptied()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "admin"));
        using var otherProcess = new FileStream(_folder + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        Assert.Throws<SearchFolderInUseException>(() => new SearchStore(_folder));
        Assert.True(Directory.Exists(Path.Combine(_folder, "admin")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        File.Delete(_folder + ".lock");
    }
}
