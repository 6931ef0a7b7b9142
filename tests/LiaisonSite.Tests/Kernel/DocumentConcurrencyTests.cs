using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Kernel;

/// <summary>
/// Documents (definitions, settings, grants) carry the version they were read at: a save based on an older read is
/// refused, never silently written over a change made in between.
/// </summary>
public sealed class DocumentConcurrencyTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed class Sample
    {
        public List<string> Names { get; set; } = [];
    }

    [Fact]
    public async Task Save_AfterAnotherSaveSinceTheRead_IsRefused_AndTheOtherChangeStays()
    {
        var key = await CreateAsync();
        await using var a = site.Services.CreateAsyncScope();
        var readByA = await Store(a).GetAsync<Sample>(key);

        await ChangeAsync(key, "乙");
        readByA.Names.Add("甲");

        await Assert.ThrowsAsync<DocumentConcurrencyException>(() => Store(a).SaveAsync(key, readByA));
        Assert.Equal(["乙"], (await ReadAsync(key)).Names);
    }

    [Fact]
    public async Task TwoSaves_FromTheSameVersion_OnlyTheFirstIsWritten()
    {
        var key = await CreateAsync();
        await using var a = site.Services.CreateAsyncScope();
        await using var b = site.Services.CreateAsyncScope();
        var docA = await Store(a).GetAsync<Sample>(key);
        var docB = await Store(b).GetAsync<Sample>(key);
        docA.Names.Add("甲");
        docB.Names.Add("乙");
        await Store(a).SaveAsync(key, docA);
        await Store(b).SaveAsync(key, docB);

        await Db(a).SaveChangesAsync(Cancel);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Db(b).SaveChangesAsync(Cancel));
        Assert.Equal(["甲"], (await ReadAsync(key)).Names);
    }

    [Fact]
    public async Task Save_OfADocumentReadInTheSameUnitOfWork_Succeeds_AndCanBeSavedAgain()
    {
        var key = await CreateAsync();
        await using var scope = site.Services.CreateAsyncScope();
        var doc = await Store(scope).GetAsync<Sample>(key);
        doc.Names.Add("一");
        await Store(scope).SaveAsync(key, doc);
        doc.Names.Add("二");
        await Store(scope).SaveAsync(key, doc);
        await Db(scope).SaveChangesAsync(Cancel);

        Assert.Equal(["一", "二"], (await ReadAsync(key)).Names);
    }

    /// <summary>
    /// This node's copy can be behind the database for up to a poll interval: another node without Redis, or a
    /// `recipe run` process on the same database, changed it. A unit of work inside a transaction (a recipe) reads the
    /// database, so its save builds on that change instead of being refused as a conflict it never had.
    /// </summary>
    [Fact]
    public async Task Save_InATransaction_AfterAChangeThisNodeHasNotHeardOf_BuildsOnTheChange()
    {
        var key = await CreateAsync();
        Assert.Empty((await ReadAsync(key)).Names); // the node keeps its copy

        // Another process writes the database directly: this node hears nothing until its poll.
        await using (var other = site.Services.CreateAsyncScope())
        {
            var record = await Db(other).Documents.SingleAsync(d => d.Key == key, Cancel);
            record.Json = System.Text.Json.JsonSerializer.Serialize(new Sample { Names = ["乙"] }, LiaisonSite.Core.ContentManagement.ContentItemExtensions.SerializerOptions);
            record.Version++;
            await Db(other).SaveChangesAsync(Cancel);
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            await using var transaction = await Db(scope).Database.BeginTransactionAsync(Cancel);
            var doc = await Store(scope).GetAsync<Sample>(key);
            Assert.Equal(["乙"], doc.Names);
            doc.Names.Add("甲");
            await Store(scope).SaveAsync(key, doc);
            await Db(scope).SaveChangesAsync(Cancel);
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(["乙", "甲"], (await ReadAsync(key)).Names);
    }

    private static IDocumentStore Store(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IDocumentStore>();

    private static LiaisonDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();

    private async Task<string> CreateAsync()
    {
        var key = "tests:doc:" + Guid.NewGuid().ToString("N");
        await ChangeAsync(key, null);
        return key;
    }

    private async Task ChangeAsync(string key, string? name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var doc = await Store(scope).GetAsync<Sample>(key);
        if (name is not null)
        {
            doc.Names.Add(name);
        }

        await Store(scope).SaveAsync(key, doc);
        await Db(scope).SaveChangesAsync(Cancel);
    }

    private async Task<Sample> ReadAsync(string key)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await Store(scope).GetAsync<Sample>(key);
    }
}
