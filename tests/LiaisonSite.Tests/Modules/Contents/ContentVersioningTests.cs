using LiaisonSite.Core.ContentManagement;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>Versioning and publishing rules of IContentManager on a real SQLite database.</summary>
public sealed class ContentVersioningTests : IAsyncLifetime
{
    private readonly ContentServicesFixture _site = new();

    public async ValueTask InitializeAsync() => await _site.InitializeAsync();

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task Publish_WhenDraft_SetsPublishedUtcAndMakesItThePublishedVersion()
    {
        var id = await _site.CreateArticleAsync("支部动态", publish: false);
        _site.Clock.Now = _site.Clock.Now.AddHours(2);

        await _site.InScopeAsync(async (contents, db) =>
        {
            await contents.PublishAsync((await contents.GetAsync(id, VersionOptions.Latest))!);
            await db.SaveChangesAsync();
        });

        var version = Assert.Single(await _site.VersionsAsync(id));
        Assert.True(version.Published);
        Assert.True(version.Latest);
        Assert.Equal(_site.Clock.Now.UtcDateTime, version.PublishedUtc);
    }

    [Fact]
    public async Task Publish_NewDraft_ClearsThePreviousPublishedVersion()
    {
        var id = await _site.CreateArticleAsync("第一版", publish: true);

        await _site.InScopeAsync(async (contents, db) =>
        {
            var draft = (await contents.GetAsync(id, VersionOptions.DraftRequired))!;
            draft.DisplayText = "第二版";
            await contents.UpdateAsync(draft);
            await contents.PublishAsync(draft);
            await db.SaveChangesAsync();
        });

        var versions = await _site.VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.False(versions[0].Published || versions[0].Latest);
        Assert.True(versions[1].Published && versions[1].Latest);
        Assert.Equal("第二版", Assert.Single(versions, v => v.Published).DisplayText);
    }

    [Fact]
    public async Task DraftRequired_OnPublishedItem_MakesANewLatestDraftWhileThePublishedOneStaysServed()
    {
        var id = await _site.CreateArticleAsync("已发布", publish: true);

        await _site.InScopeAsync(async (contents, db) =>
        {
            var draft = (await contents.GetAsync(id, VersionOptions.DraftRequired))!;
            draft.DisplayText = "修改中的草稿";
            await contents.UpdateAsync(draft);
            await db.SaveChangesAsync();
        });

        var (published, latest) = await _site.InScopeAsync(async (contents, _) =>
            (await contents.GetAsync(id, VersionOptions.Published), await contents.GetAsync(id, VersionOptions.Latest)));
        Assert.Equal("已发布", published!.DisplayText);
        Assert.False(published.Latest);
        Assert.Equal("修改中的草稿", latest!.DisplayText);
        Assert.False(latest.Published);
        Assert.NotEqual(published.ContentItemVersionId, latest.ContentItemVersionId);
    }

    [Fact]
    public async Task Unpublish_LeavesNoPublishedVersionButKeepsTheLatest()
    {
        var id = await _site.CreateArticleAsync("将撤回", publish: true);

        await _site.InScopeAsync(async (contents, db) =>
        {
            await contents.UnpublishAsync((await contents.GetAsync(id, VersionOptions.Latest))!);
            await db.SaveChangesAsync();
        });

        var version = Assert.Single(await _site.VersionsAsync(id));
        Assert.False(version.Published);
        Assert.True(version.Latest);
        Assert.Null(await _site.InScopeAsync((contents, _) => contents.GetAsync(id, VersionOptions.Published)));
    }

    [Fact]
    public async Task Remove_LeavesNoLatestNorPublishedVersion_AndKeepsTheHistory()
    {
        var id = await _site.CreateArticleAsync("将删除", publish: true);
        await _site.InScopeAsync(async (contents, db) =>
        {
            var draft = (await contents.GetAsync(id, VersionOptions.DraftRequired))!;
            await contents.UpdateAsync(draft);
            await db.SaveChangesAsync();
        });

        await _site.InScopeAsync(async (contents, db) =>
        {
            await contents.RemoveAsync((await contents.GetAsync(id, VersionOptions.Latest))!);
            await db.SaveChangesAsync();
        });

        var versions = await _site.VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.False(v.Latest || v.Published));
    }

    [Fact]
    public async Task Restore_CreatesANewLatestDraftCopiedFromTheEarlierVersion()
    {
        var id = await _site.CreateArticleAsync("原始版本", publish: true);
        await _site.InScopeAsync(async (contents, db) =>
        {
            var draft = (await contents.GetAsync(id, VersionOptions.DraftRequired))!;
            draft.DisplayText = "改坏了";
            await contents.UpdateAsync(draft);
            await contents.PublishAsync(draft);
            await db.SaveChangesAsync();
        });
        var original = (await _site.VersionsAsync(id))[0];

        await _site.InScopeAsync(async (contents, db) =>
        {
            await contents.RestoreAsync(original.ContentItemVersionId);
            await db.SaveChangesAsync();
        });

        var versions = await _site.VersionsAsync(id);
        Assert.Equal(3, versions.Count);
        var restored = versions[2];
        Assert.Equal("原始版本", restored.DisplayText);
        Assert.True(restored.Latest);
        Assert.False(restored.Published);
        Assert.Equal("改坏了", Assert.Single(versions, v => v.Published).DisplayText);
    }

    [Fact]
    public async Task EnsureCurrent_WithAStaleStamp_RefusesWithAMessage()
    {
        var id = await _site.CreateArticleAsync("并发", publish: false);
        var stamp = (await _site.VersionsAsync(id))[0].ConcurrencyStamp;
        await _site.InScopeAsync(async (contents, db) =>
        {
            await contents.EnsureCurrentAsync(id, stamp);
            var item = (await contents.GetAsync(id, VersionOptions.DraftRequired))!;
            await contents.UpdateAsync(item);
            await db.SaveChangesAsync();
        });

        var error = await Assert.ThrowsAsync<ContentConcurrencyException>(
            () => _site.InScopeAsync((contents, _) => contents.EnsureCurrentAsync(id, stamp)));
        Assert.Contains("editor1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingAVersion_RewritesItsIndexRows()
    {
        var id = await _site.CreateArticleAsync("旧标题", publish: true);
        await _site.InScopeAsync(async (contents, db) =>
        {
            var draft = (await contents.GetAsync(id, VersionOptions.DraftRequired))!;
            draft.DisplayText = "新标题";
            await contents.UpdateAsync(draft);
            await contents.PublishAsync(draft);
            await db.SaveChangesAsync();
        });

        var rows = await _site.InScopeAsync(async (_, db) => await db.Set<TestTitleIndex>().AsNoTracking().ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal("新标题", row.Title);
        Assert.True(row.Published);
    }
}
