using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.Title;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts;

/// <summary>
/// A type that does not allow a typed path generates it on every save; a path the earlier rule (Chinese characters
/// kept) generated from the same title is kept, numbered or moved as the registry made it unique.
/// </summary>
public sealed class AutorouteEarlierPathTests : IAsyncLifetime
{
    private readonly ContentPartsHarness _harness = new();

    public async ValueTask InitializeAsync()
        => await _harness.DefineTypeAsync("Article", new AutoroutePartSettings { Pattern = "news/{{ ContentItem.DisplayText | slugify }}" });

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("支部动态", "news/支部动态")]
    [InlineData("支部动态", "news/支部动态-3")]
    [InlineData("2026 年 春季", "news/2026-年-春季")]
    public async Task Update_WhenThePathIsTheEarlierRulesForTheSameTitle_KeepsIt(string title, string earlier)
    {
        var id = await CreateAsync(title);

        Assert.Equal(earlier, await SaveWithPathAsync(id, title, earlier));
    }

    [Fact]
    public async Task Update_WhenTheTitleChanged_GeneratesThePinyinPath()
    {
        var id = await CreateAsync("支部动态");

        Assert.Equal("news/zhi-bu-xin-wen", await SaveWithPathAsync(id, "支部新闻", "news/支部动态"));
    }

    [Fact]
    public async Task Update_WhenThePathIsNotGenerated_GeneratesThePinyinPath()
    {
        var id = await CreateAsync("支部动态");

        Assert.Equal("news/zhi-bu-dong-tai", await SaveWithPathAsync(id, "支部动态", "news/别的地址"));
    }

    private async Task<string> CreateAsync(string title)
    {
        await using var scope = _harness.CreateScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync("Article");
        item.Apply(new TitlePart { Title = title });
        await contents.CreateAsync(item, VersionOptions.Published);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
        Assert.StartsWith("news/", item.As<AutoroutePart>().Path);
        Assert.True(item.As<AutoroutePart>().Path!.All(char.IsAscii));
        return item.ContentItemId;
    }

    /// <summary>Saves the item as stored with <paramref name="path"/> (as a site set up before pinyin paths has it).</summary>
    private async Task<string?> SaveWithPathAsync(string id, string title, string path)
    {
        await using var scope = _harness.CreateScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = (await contents.GetAsync(id, VersionOptions.Latest))!;
        item.Apply(new TitlePart { Title = title });
        item.Apply(new AutoroutePart { Path = path });
        await contents.UpdateAsync(item);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
        return item.As<AutoroutePart>().Path;
    }
}
