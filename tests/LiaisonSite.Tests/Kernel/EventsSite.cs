using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Events;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiaisonSite.Tests.Kernel;

/// <summary>
/// The plain site with test handlers subscribed to content events and an output-cache store that can be told to
/// fail, so that work after commit can fail for real.
/// </summary>
public sealed class EventsSite() : SiteFactory("liaison")
{
    /// <summary>Deliveries per (event id, handler).</summary>
    public ConcurrentDictionary<(Guid, string), int> Deliveries { get; } = new();

    public FlakyOutputCacheStore CacheStore { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(this);
            services.AddDomainEventHandler<ContentPublished, RecordingHandler>();
            services.AddDomainEventHandler<ContentPublished, FailsOnFirstTryHandler>();
            services.AddDomainEventHandler<SomethingHappened, SomethingHandler>();
            services.AddDomainEventHandler<SomethingHappened, FailsOnceOnMarkedHandler>();
            var real = services.Single(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(real);
            services.AddSingleton<IOutputCacheStore>(sp =>
            {
                CacheStore.Inner = (IOutputCacheStore)(real.ImplementationInstance ?? real.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!));
                return CacheStore;
            });
        });
    }

    /// <summary>The markers <see cref="SomethingHandler"/> received, in the order it received them.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public int DeliveriesOf(Guid eventId, Type handler) => Deliveries.GetValueOrDefault((eventId, handler.FullName!));

    public async Task<T> InScopeAsync<T>(Func<LiaisonDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>(), scope.ServiceProvider);
    }

    public Task<OutboxEvent?> EventAsync(string type, string contentItemId) => InScopeAsync((db, _) =>
        db.OutboxEvents.AsNoTracking().Where(e => e.Type == type && e.Payload.Contains(contentItemId)).FirstOrDefaultAsync());

    /// <summary>Waits (at most 15 s) until <paramref name="done"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, "Timed out waiting until " + what);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>A module's own event, as a future module raises one.</summary>
[DomainEvent("Tests.SomethingHappened")]
public sealed record SomethingHappened(string Marker) : IDomainEvent;

internal sealed class SomethingHandler(EventsSite site) : IDomainEventHandler<SomethingHappened>
{
    public Task HandleAsync(SomethingHappened domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        site.Received.Enqueue(domainEvent.Marker);
        site.Deliveries.AddOrUpdate((context.EventId, GetType().FullName!), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

/// <summary>Fails the first delivery of SomethingHappened events whose marker starts with "失败一次"; counts the others.</summary>
internal sealed class FailsOnceOnMarkedHandler(EventsSite site) : IDomainEventHandler<SomethingHappened>
{
    public Task HandleAsync(SomethingHappened domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        if (domainEvent.Marker.StartsWith(FailsOnFirstTryHandler.Marker, StringComparison.Ordinal) && context.Attempt == 1)
        {
            throw new InvalidOperationException("The handler's service is down.");
        }

        site.Deliveries.AddOrUpdate((context.EventId, GetType().FullName!), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

/// <summary>Counts its deliveries; always succeeds.</summary>
internal sealed class RecordingHandler(EventsSite site) : IDomainEventHandler<ContentPublished>
{
    public Task HandleAsync(ContentPublished domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        site.Deliveries.AddOrUpdate((context.EventId, GetType().FullName!), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

/// <summary>Fails the first delivery of events about items titled "失败一次…" (after reading the item in its own scope).</summary>
internal sealed class FailsOnFirstTryHandler(EventsSite site, LiaisonDbContext db) : IDomainEventHandler<ContentPublished>
{
    public const string Marker = "失败一次";

    public async Task HandleAsync(ContentPublished domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        var title = await db.ContentItems.Where(c => c.ContentItemVersionId == domainEvent.ContentItemVersionId)
            .Select(c => c.DisplayText).FirstAsync(cancellationToken);
        if (title.StartsWith(Marker, StringComparison.Ordinal) && context.Attempt == 1)
        {
            throw new InvalidOperationException("The handler's service is down.");
        }

        site.Deliveries.AddOrUpdate((context.EventId, GetType().FullName!), 1, (_, n) => n + 1);
    }
}

/// <summary>The real store, except that it throws on the next <see cref="FailuresLeft"/> evictions (like Redis being down).</summary>
public sealed class FlakyOutputCacheStore : IOutputCacheStore
{
    // Evictions made from the flow that asked for a count (a test's own request or scope, and what it starts), so that
    // the site's background work (the sweeper retrying an earlier test's eviction) does not count.
    private static readonly AsyncLocal<StrongBox<int>?> s_flow = new();

    private int _failuresLeft;
    private int _evictions;
    private int _failures;

    /// <summary>Counts, from now on, the evictions made by this async flow and what it starts.</summary>
    public static StrongBox<int> CountThisFlow() => s_flow.Value = new StrongBox<int>();

    public IOutputCacheStore Inner { get; set; } = null!;

    public int Evictions => _evictions;

    public int Failures => _failures;

    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException("The cache server is unreachable.");
        }

        await Inner.EvictByTagAsync(tag, cancellationToken);
        Interlocked.Increment(ref _evictions);
        if (s_flow.Value is { } flow)
        {
            Interlocked.Increment(ref flow.Value);
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => Inner.GetAsync(key, cancellationToken);

    private volatile Hold? _hold;

    private sealed record Hold(string Path, TaskCompletionSource Entered, TaskCompletionSource Release);

    /// <summary>
    /// Holds the next store of a page whose key has <paramref name="path"/> until <c>release</c> is completed;
    /// <c>entered</c> completes when that page has been rendered and its store begins.
    /// </summary>
    public (Task Entered, TaskCompletionSource Release) HoldNextStoreOf(string path)
    {
        var hold = new Hold(path, new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously));
        _hold = hold;
        return (hold.Entered.Task, hold.Release);
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (_hold is { } hold && key.Contains(hold.Path, StringComparison.OrdinalIgnoreCase))
        {
            _hold = null;
            hold.Entered.SetResult();
            await hold.Release.Task;
        }

        await Inner.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}
