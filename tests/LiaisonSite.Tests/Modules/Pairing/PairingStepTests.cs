using Liaison.Organization.Data;
using Liaison.Pairing.Data;
using Liaison.Pairing.Services;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Pairing;

public sealed class PairingStepTests(SiteFactory site) : IClassFixture<SiteFactory>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await PairingRoster.EnsureAsync(site.Services, Cancel);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Step_PairsAndConfirms_AndRunningItAgainKeepsTheConfirmedPairs()
    {
        const string step = """{"name": "Pairing", "Term": "2035-2036-1", "Confirm": true, "Branches": ["branch-1"]}""";
        var (_, persons) = await PairingRoster.ActiveAsync(site.Services, "branch-1", Cancel);

        await RunAsync(step);
        var first = await PairingRoster.PairsAsync(site.Services, "branch-1", "2035-2036-1", Cancel);
        await RunAsync(step);
        var second = await PairingRoster.PairsAsync(site.Services, "branch-1", "2035-2036-1", Cancel);

        Assert.Equal(persons.Order(), first.Select(p => p.PersonId).Order());
        Assert.All(first, p => Assert.Equal(PairStatus.Confirmed, p.Status));
        Assert.Equal(first.Select(p => (p.Id, p.MemberId, p.PersonId)), second.Select(p => (p.Id, p.MemberId, p.PersonId)));
        Assert.Empty(await PairingRoster.PairsAsync(site.Services, "branch-2", "2035-2036-1", Cancel));
    }

    [Fact]
    public async Task DemoRecipe_ConfirmsABalancedPairingOfTheCurrentTerm()
    {
        var term = CurrentTerm();
        var (members, persons) = await PairingRoster.ActiveAsync(site.Services, "branch-1", Cancel);

        var pairs = await PairingRoster.PairsAsync(site.Services, "branch-1", term, Cancel);

        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.Equal(PairStatus.Confirmed, p.Status));
        Assert.Equal(persons.Order(), pairs.Select(p => p.PersonId).Order());
        var loads = members.Select(m => pairs.Count(p => p.MemberId == m)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, $"Loads {string.Join(",", loads)} are not balanced.");
    }

    [Fact]
    public async Task PartnersOf_GivesTheMembersConfirmedPartnersWithNames()
    {
        var term = CurrentTerm();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        var member = await db.Set<PartyMember>().SingleAsync(m => m.UserName == "member1", Cancel);

        var partners = await scope.ServiceProvider.GetRequiredService<PairQueries>().PartnersOfAsync(member.Id, term);

        var expected = await (from p in db.Set<Pair>()
                              join person in db.Set<MassPerson>() on p.PersonId equals person.Id
                              where p.MemberId == member.Id && p.Term == term && p.Status == PairStatus.Confirmed
                              select person.Name).ToListAsync(Cancel);
        Assert.NotEmpty(partners);
        Assert.Equal(expected.Order(), partners.Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("""{"name": "Pairing", "Term": "2035-2037-1"}""", "2035-2037-1")]
    [InlineData("""{"name": "Pairing", "Term": "2036-2037-1", "Branches": ["branch-9"]}""", "branch-9")]
    [InlineData("""{"name": "Pairing", "Term": "2036-2037-1", "Confirm": "yes"}""", "Confirm")]
    public async Task Step_WithBadData_FailsNamingIt_AndChangesNothing(string step, string named)
    {
        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(step));

        Assert.Contains(named, error.Message);
        Assert.Empty(await PairingRoster.PairsAsync(site.Services, "branch-1", "2036-2037-1", Cancel));
    }

    private async Task RunAsync(string step)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var executor = scope.ServiceProvider.GetRequiredService<IRecipeExecutor>();
        await executor.ExecuteAsync($$"""{"name": "pairing-test", "steps": [{{step}}]}""", cancellationToken: Cancel);
    }

    private string CurrentTerm()
    {
        using var scope = site.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ISchoolClock>().Term.Key;
    }
}
