using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Liaison.Organization.Data;
using Liaison.Talks.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Talks;

/// <summary>The demo site (its talks, personnel events, forums, reception days and opinions), opinion limit raised.</summary>
public sealed class TalksSite : SiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Outreach:OpinionsPerWindow"] = "1000",
    };

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<T> WithDbAsync<T>(Func<LiaisonDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }

    public Task<int> MemberIdAsync(string number)
        => WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Number == number).Select(m => m.Id).FirstAsync(Ct));

    public Task<int> PersonIdAsync(string number)
        => WithDbAsync(db => db.Set<MassPerson>().Where(p => p.Number == number).Select(p => p.Id).FirstAsync(Ct));

    /// <summary>The latest index rows of these talks.</summary>
    public Task<List<TalkIndex>> TalkRowsAsync(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return WithDbAsync(db => db.Set<TalkIndex>().AsNoTracking().Where(t => t.Latest && list.Contains(t.ContentItemId)).ToListAsync(Ct));
    }

    public static async Task<List<string>> ApiIdsAsync(HttpClient client, string type)
    {
        var json = (await client.GetFromJsonAsync<JsonObject>($"/api/content?type={type}&pageSize=100", Ct))!;
        return [.. json["items"]!.AsArray().Select(i => i!["ContentItemId"]!.GetValue<string>())];
    }
}

/// <summary>
/// One demo site for every class of Talks and Outreach (each site holds file watchers and a database; the machine
/// allows only so many). The classes create their own data or assert relative to it, so they can share it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TalksCollection : ICollectionFixture<TalksSite>
{
    public const string Name = "Talks";
}
