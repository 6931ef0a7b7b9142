using Liaison.ContentParts.Autoroute;
using Liaison.ContentParts.Title;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.ContentParts;

public sealed class AutorouteUniquenessTests : IAsyncLifetime
{
    private readonly ContentPartsHarness _harness = new();

    public async ValueTask InitializeAsync()
    {
        await _harness.DefineTypeAsync("Article");
        await _harness.DefineTypeAsync("Page", new AutoroutePartSettings { AllowCustomPath = true });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Create_WithChineseTitle_GeneratesPinyinPathAndSetsDisplayText()
    {
        var item = await CreateAsync("Article", "开展谈心活动");

        Assert.Equal("开展谈心活动", item.DisplayText);
        Assert.Equal("kai-zhan-tan-xin-huo-dong", item.As<AutoroutePart>().Path);
    }

    [Fact]
    public async Task Create_WhenGeneratedPathIsTaken_AddsNumberSuffix()
    {
        await CreateAsync("Article", "Hello World");
        var second = await CreateAsync("Article", "Hello, world!");
        var third = await CreateAsync("Article", "hello world");

        Assert.Equal("hello-world-2", second.As<AutoroutePart>().Path);
        Assert.Equal("hello-world-3", third.As<AutoroutePart>().Path);
    }

    [Fact]
    public async Task Create_ManyInOneUnitOfWork_StillGetsDistinctPaths()
    {
        await using var scope = _harness.CreateScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var paths = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var item = await contents.NewAsync("Article");
            item.Apply(new TitlePart { Title = "支部动态" });
            await contents.CreateAsync(item);
            paths.Add(item.As<AutoroutePart>().Path);
        }

        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
        Assert.Equal(["zhi-bu-dong-tai", "zhi-bu-dong-tai-2", "zhi-bu-dong-tai-3"], paths);
    }

    [Fact]
    public async Task Update_OfSameItem_KeepsItsOwnPath()
    {
        var item = await CreateAsync("Article", "Same");
        await using var scope = _harness.CreateScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var latest = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
        await contents.UpdateAsync(latest);

        Assert.Equal("same", latest.As<AutoroutePart>().Path);
    }

    [Fact]
    public async Task Create_WhenTitleIsReserved_MovesGeneratedPathOffTheReservedSegment()
    {
        var item = await CreateAsync("Article", "Admin");

        Assert.Equal("admin-2", item.As<AutoroutePart>().Path);
    }

    [Fact]
    public async Task Create_WhenCustomPathIsTaken_IsRefusedAndNothingSaved()
    {
        await CreateAsync("Page", "First", path: "about");

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => CreateAsync("Page", "Second", path: "/About/"));

        Assert.Contains(error.Errors, e => e.Key == "AutoroutePart.Path");
        await using var scope = _harness.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.CountAsync(c => c.ContentType == "Page", Ct));
    }

    [Theory]
    [InlineData("admin/users")]
    [InlineData("news")]
    [InlineData("a path with spaces")]
    public async Task Create_WhenCustomPathIsReservedOrMalformed_IsRefused(string path)
    {
        var error = await Assert.ThrowsAsync<ContentValidationException>(() => CreateAsync("Page", "Page", path));

        Assert.Contains(error.Errors, e => e.Key == "AutoroutePart.Path");
    }

    [Fact]
    public async Task Remove_FreesThePathForAnotherItem()
    {
        var first = await CreateAsync("Page", "First", path: "history");
        await using (var scope = _harness.CreateScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            await contents.RemoveAsync((await contents.GetAsync(first.ContentItemId, VersionOptions.Latest))!);
            await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
        }

        var second = await CreateAsync("Page", "Second", path: "history");

        Assert.Equal("history", second.As<AutoroutePart>().Path);
    }

    [Fact]
    public async Task Index_MapsPublishedAndDraftVersionsWithTheirFlags()
    {
        var item = await CreateAsync("Article", "Draft only", publish: false);
        await using var scope = _harness.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<AutorouteIndex>()
            .SingleAsync(r => r.ContentItemId == item.ContentItemId, Ct);

        Assert.Equal(("draft-only", true, false), (row.Path, row.Latest, row.Published));
    }

    private async Task<ContentItem> CreateAsync(string type, string title, string? path = null, bool publish = true)
    {
        await using var scope = _harness.CreateScope();
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await contents.NewAsync(type);
        item.Apply(new TitlePart { Title = title });
        item.Apply(new AutoroutePart { Path = path });
        await contents.CreateAsync(item, publish ? VersionOptions.Published : VersionOptions.Draft);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
        return item;
    }
}
