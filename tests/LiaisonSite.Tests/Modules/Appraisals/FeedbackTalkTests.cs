using System.Globalization;
using System.Net;
using Liaison.Appraisals.Data;
using Liaison.Appraisals.Results;
using Liaison.Appraisals.Voting;
using Liaison.Talks.Data;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Time;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Appraisals;

/// <summary>
/// Issue 13 item 5 (SPEC R3 occasion 5): once a campaign closes, the members the rule picks (基本合格 and 不合格 at least
/// 30 % of their ratings) get a mandatory feedback talk with the branch secretary, through Talks' contract; a talk on
/// that occasion with that member closes it.
/// </summary>
[Collection(AppraisalsCollection.Name)]
public sealed class FeedbackTalkTests(AppraisalsSite site)
{
    private static CancellationToken Ct => AppraisalsSite.Ct;

    private static string I(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>One ballot through the real voting form, with a rating per member.</summary>
    private static Task<HttpResponseMessage> VoteAsync(HttpClient client, string token, params (int MemberId, int Rating)[] ratings)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < ratings.Length; i++)
        {
            fields[$"Ballot[{i}].MemberId"] = I(ratings[i].MemberId);
            fields[$"Ballot[{i}].Rating"] = I(ratings[i].Rating);
        }

        return SiteFactory.PostFormAsync(client, VoteTokens.Path(token), VoteTokens.Path(token), fields);
    }

    private Task<List<TalkObligation>> FeedbackObligationsAsync(int campaignId)
        => site.WithDbAsync(db => db.Set<TalkObligation>().AsNoTracking().Where(o => o.Source == $"appraisal:{campaignId}").ToListAsync(Ct));

    [Fact]
    public async Task AClosedCampaign_GivesTheSecretaryAFeedbackTalkWithTheWeaklyRatedMember_AndATalkClosesIt()
    {
        var (d101, d102, d103) = (await site.MemberIdAsync("D101"), await site.MemberIdAsync("D102"), await site.MemberIdAsync("D103"));
        var (campaign, tokens) = await site.CampaignAsync("branch-1", ["D102", "D103"], ["J001", "J002", "J003"], TimeSpan.FromMinutes(-5), TimeSpan.FromHours(1));
        var anonymous = site.CreateBrowserClient();
        // D102: 不合格, 基本合格, 合格 (two of three weak); D103: 优秀 three times.
        foreach (var (token, rating) in tokens.Zip([3, 2, 1]))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(anonymous, token, (d102, rating), (d103, 0))).StatusCode);
        }

        // Before closing nothing is assigned, even when the job runs.
        var jobs = site.Services.GetRequiredService<IJobScheduler>();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FeedbackTalkAssigner>().AssignClosedAsync(Ct);
        }

        Assert.Empty(await FeedbackObligationsAsync(campaign.Id));

        await site.CloseAsync(campaign.Id);
        Assert.True(await jobs.RunNowAsync("Appraisals.FeedbackTalks", Ct));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await FeedbackObligationsAsync(campaign.Id)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, Ct);
        }

        var due = Assert.Single(await FeedbackObligationsAsync(campaign.Id));
        Assert.Equal(d101, due.MemberId);          // secretary1, the branch's 支部书记
        Assert.Equal(d102, due.PartnerMemberId);
        Assert.Null(due.PersonId);
        Assert.Equal(5, due.Occasion);
        Assert.True(await site.WithDbAsync(db => db.Set<AppraisalCampaign>().Where(c => c.Id == campaign.Id).Select(c => c.FeedbackRequired).SingleAsync(Ct)));

        // Asked again (the flag reset), Talks still keeps one obligation per campaign and member.
        await site.WithDbAsync(db => db.Set<AppraisalCampaign>().Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FeedbackRequired, false), Ct));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.Data.LiaisonDbContext>();
            var again = await db.Set<AppraisalCampaign>().SingleAsync(c => c.Id == campaign.Id, Ct);
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<FeedbackTalkAssigner>().AssignAsync(again, Ct));
        }

        Assert.Single(await FeedbackObligationsAsync(campaign.Id));

        // secretary1 sees it on 我的联系工作 and records the talk with the member; it closes.
        var secretary = await site.SignInAsync("secretary1");
        Assert.Contains($"obligation={due.Id}", await secretary.GetStringAsync("/admin/my-work", Ct));
        var form = await secretary.GetStringAsync($"/admin/my-work/talks/new?obligation={due.Id}", Ct);
        Assert.Contains($"value=\"m:{d102}\" selected=\"selected\"", form);
        DateOnly today;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            today = scope.ServiceProvider.GetRequiredService<ISchoolClock>().Today;
        }

        var recorded = await SiteFactory.PostFormAsync(secretary, "/admin/my-work/talks/new", "/admin/my-work/talks/new", new()
        {
            ["TalkPart.PersonId"] = $"m:{d102}", ["TalkPart.Date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["TalkPart.Occasion"] = "5", ["TalkPart.Summary"] = "反馈民主评议结果，谈了改进的打算。",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var closed = Assert.Single(await FeedbackObligationsAsync(campaign.Id));
        Assert.Equal(today, closed.ClosedDate);
        Assert.Contains("已谈话", await secretary.GetStringAsync($"/admin/appraisals/{campaign.Id}/results", Ct));
    }

    [Fact]
    public async Task ATalkWithOneself_IsRefused_AndNothingIsSaved()
    {
        var d101 = await site.MemberIdAsync("D101");
        var secretary = await site.SignInAsync("secretary1");
        var before = await site.WithDbAsync(db => db.Set<TalkIndex>().CountAsync(t => t.MemberId == d101, Ct));

        var refused = await SiteFactory.PostFormAsync(secretary, "/admin/my-work/talks/new", "/admin/my-work/talks/new", new()
        {
            ["TalkPart.PersonId"] = $"m:{d101}", ["TalkPart.Date"] = "2026-11-01", ["TalkPart.Occasion"] = "0", ["TalkPart.Summary"] = "自己和自己谈",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请选择谈话的党员（不能是本人）", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, await site.WithDbAsync(db => db.Set<TalkIndex>().CountAsync(t => t.MemberId == d101, Ct)));
    }
}
