using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Search;

/// <summary>A node deployed before the single index: its folder still has "public", "admin" and a cursor past every task.</summary>
public sealed class OldLayoutSiteFactory : SiteFactory
{
    public const string NodeName = "old-layout-node";

    public OldLayoutSiteFactory()
    {
        var folder = Path.Combine(AppData, "Indexes", NodeName);
        Directory.CreateDirectory(Path.Combine(folder, "public"));
        Directory.CreateDirectory(Path.Combine(folder, "admin"));
        File.WriteAllText(Path.Combine(folder, "cursor.txt"), "1000000");
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Liaison:NodeName"] = NodeName };
}

public sealed class OldLayoutSearchTests(OldLayoutSiteFactory site) : IClassFixture<OldLayoutSiteFactory>
{
    [Fact]
    public async Task Start_OnAnIndexFolderOfTheOldLayout_RebuildsAndFindsThePublishedExamples()
    {
        const string example = "一次谈心，解开青年教师的心结";

        var page = await SearchSite.PollAsync(site.CreateClient(), "/search?q=" + Uri.EscapeDataString("谈心"),
            p => SearchSite.Titles(p).Contains(example));

        Assert.Contains(example, SearchSite.Titles(page));
        Assert.False(Directory.Exists(Path.Combine(site.AppData, "Indexes", OldLayoutSiteFactory.NodeName, "public")));
    }
}
