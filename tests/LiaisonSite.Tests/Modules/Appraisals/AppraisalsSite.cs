using System.Net;
using Liaison.Appraisals.Data;
using Liaison.Appraisals.Voting;
using Liaison.Organization.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Appraisals;

/// <summary>
/// The demo site for the appraisal tests (the ballot limit raised: the tests vote far more often than a school
/// does from one address). Every test makes its own campaign, or asserts relative to its own data.
/// </summary>
public sealed class AppraisalsSite : SiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Appraisals:VotesPerWindow"] = "100000",
    };

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Moves the campaign's closing time (the school clock is real time: a test closes a campaign by moving it).</summary>
    public Task CloseAsync(int campaignId, TimeSpan? closesIn = null)
        => this.WithDbAsync(db => db.Set<AppraisalCampaign>().Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosesUtc, DateTime.UtcNow + (closesIn ?? TimeSpan.FromMinutes(-1))), Ct));

    public Task<int> BallotRowsAsync(int campaignId)
        => this.WithDbAsync(db => db.Set<AppraisalBallot>().CountAsync(b => b.CampaignId == campaignId, Ct));

    /// <summary>Posts a ballot through the real form (GET for the antiforgery token, then POST).</summary>
    public static async Task<HttpResponseMessage> VoteAsync(HttpClient client, string token, IReadOnlyList<int> memberIds, int rating, string? comment = null)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < memberIds.Count; i++)
        {
            fields[$"Ballot[{i}].MemberId"] = memberIds[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Ballot[{i}].Rating"] = rating.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (comment is not null)
            {
                fields[$"Ballot[{i}].Comment"] = comment;
            }
        }

        return await SiteFactory.PostFormAsync(client, VoteTokens.Path(token), VoteTokens.Path(token), fields);
    }

    public static async Task<string> FormTokenAsync(HttpClient client, string token)
    {
        var response = await client.GetAsync(VoteTokens.Path(token), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return AntiforgeryToken(await response.Content.ReadAsStringAsync(Ct));
    }
}

/// <summary>The appraisal test helpers on any site (the SQLite one above, or a PostgreSQL one).</summary>
public static class AppraisalSiteExtensions
{
    public static async Task<T> WithDbAsync<T>(this SiteFactory site, Func<LiaisonDbContext, Task<T>> query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LiaisonDbContext>());
    }

    public static Task<int> MemberIdAsync(this SiteFactory site, string number)
        => site.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Number == number).Select(m => m.Id).FirstAsync(AppraisalsSite.Ct));

    public static Task<int> PersonIdAsync(this SiteFactory site, string number)
        => site.WithDbAsync(db => db.Set<MassPerson>().Where(p => p.Number == number).Select(p => p.Id).FirstAsync(AppraisalsSite.Ct));

    /// <summary>A campaign of the branch with these members appraised and this many person voters; returns it and one link per voter.</summary>
    public static async Task<(AppraisalCampaign Campaign, List<string> Tokens)> CampaignAsync(
        this SiteFactory site, string branch, string[] members, string[] voters, TimeSpan opensIn, TimeSpan closesIn, string? title = null)
    {
        var memberIds = new List<int>();
        foreach (var m in members)
        {
            memberIds.Add(await site.MemberIdAsync(m));
        }

        var personIds = new List<int>();
        foreach (var p in voters)
        {
            personIds.Add(await site.PersonIdAsync(p));
        }

        var tokens = personIds.Select(_ => VoteTokens.New()).ToList();
        var campaign = await site.WithDbAsync(async db =>
        {
            var c = new AppraisalCampaign
            {
                BranchId = branch, Year = 2026, Title = title ?? "测试评议" + Guid.NewGuid().ToString("N")[..8], CreatedBy = "test",
                OpensUtc = DateTime.UtcNow + opensIn, ClosesUtc = DateTime.UtcNow + closesIn,
            };
            db.Add(c);
            await db.SaveChangesAsync(AppraisalsSite.Ct);
            db.AddRange(memberIds.Select(id => new AppraisedMember { CampaignId = c.Id, MemberId = id }));
            db.AddRange(personIds.Select((id, i) => new AppraisalVoter { CampaignId = c.Id, PersonId = id, TokenHash = VoteTokens.Hash(tokens[i]) }));
            await db.SaveChangesAsync(AppraisalsSite.Ct);
            return c;
        });
        return (campaign, tokens);
    }
}

[CollectionDefinition(Name)]
public sealed class AppraisalsCollection : ICollectionFixture<AppraisalsSite>
{
    public const string Name = "Appraisals";
}
