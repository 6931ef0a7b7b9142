using System.Net;
using Liaison.Appraisals.Data;
using Liaison.Appraisals.Voting;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Modules.Appraisals;

/// <summary>The secret ballot (issue 13): one ballot per link, also in parallel; bad links 4xx; closing time enforced.</summary>
[Collection(AppraisalsCollection.Name)]
public sealed class BallotTests(AppraisalsSite site)
{
    private static CancellationToken Ct => AppraisalsSite.Ct;

    private static readonly TimeSpan Open = TimeSpan.FromDays(-1);
    private static readonly TimeSpan Later = TimeSpan.FromDays(5);

    private async Task<List<int>> IdsAsync(params string[] numbers)
    {
        var ids = new List<int>();
        foreach (var n in numbers)
        {
            ids.Add(await site.MemberIdAsync(n));
        }

        return ids;
    }

    [Fact]
    public async Task AValidLink_ShowsTheBallot_WithTheSelfAssessment_AndCastsOnce()
    {
        var (campaign, tokens) = await site.CampaignAsync("branch-1", ["D106", "D107"], ["J001"], Open, Later);
        var d106 = await site.MemberIdAsync("D106");
        await site.WithDbAsync(db => db.Set<AppraisedMember>().Where(a => a.CampaignId == campaign.Id && a.MemberId == d106)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SelfAssessment, "本年度坚持每周与联系对象谈心。"), Ct));
        var client = site.CreateBrowserClient();

        var page = await client.GetStringAsync(VoteTokens.Path(tokens[0]), Ct);
        Assert.Contains(campaign.Title, page);
        Assert.Contains("本年度坚持每周与联系对象谈心。", page);
        Assert.Contains("基本合格", page);
        Assert.DoesNotContain("<script", page.Split("<article")[1].Split("</article>")[0], StringComparison.OrdinalIgnoreCase);

        var first = await AppraisalsSite.VoteAsync(client, tokens[0], await IdsAsync("D106", "D107"), (int)Rating.Excellent);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/appraisal/thanks", first.Headers.Location?.OriginalString);
        Assert.Equal(2, await site.BallotRowsAsync(campaign.Id));

        var again = await client.GetAsync(VoteTokens.Path(tokens[0]), Ct);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("此链接已使用过", await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, await site.BallotRowsAsync(campaign.Id));
    }

    [Fact]
    public async Task ParallelSubmissions_WithOneLink_CountExactlyOnce()
    {
        var (campaign, tokens) = await site.CampaignAsync("branch-1", ["D108", "D109", "D110"], ["J002"], Open, Later);
        var members = await IdsAsync("D108", "D109", "D110");
        var clients = Enumerable.Range(0, 8).Select(_ => site.CreateBrowserClient()).ToList();
        var forms = new List<string>();
        foreach (var c in clients)
        {
            forms.Add(await AppraisalsSite.FormTokenAsync(c, tokens[0]));
        }

        var posts = clients.Select((c, i) =>
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", forms[i]) };
            for (var m = 0; m < members.Count; m++)
            {
                fields.Add(new($"Ballot[{m}].MemberId", members[m].ToString(System.Globalization.CultureInfo.InvariantCulture)));
                fields.Add(new($"Ballot[{m}].Rating", (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            return c.PostAsync(VoteTokens.Path(tokens[0]), new FormUrlEncodedContent(fields), Ct);
        }).ToList();
        var answers = await Task.WhenAll(posts);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a => Assert.Equal(HttpStatusCode.Gone, a.StatusCode));
        Assert.Equal(3, await site.BallotRowsAsync(campaign.Id));
        var ratings = await site.WithDbAsync(db => db.Set<AppraisalBallot>().Where(b => b.CampaignId == campaign.Id).Select(b => b.Rating).Distinct().CountAsync(Ct));
        Assert.Equal(1, ratings); // the three rows are one voter's ballot, not a mix of several posts
    }

    [Theory]
    [InlineData("short")]
    [InlineData("not-a-token-but-32-characters-!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AnUnknownOrMalformedLink_Is404_WithAChineseMessage(string token)
    {
        var client = site.CreateBrowserClient();

        var get = await client.GetAsync("/appraisal/vote/" + Uri.EscapeDataString(token), Ct);
        var post = await client.PostAsync("/appraisal/vote/" + Uri.EscapeDataString(token), new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("此投票链接无效", await get.Content.ReadAsStringAsync(Ct));
        Assert.True((int)post.StatusCode is >= 400 and < 500, $"POST answered {(int)post.StatusCode}");
    }

    [Fact]
    public async Task AfterClosing_TheLinkIs410_AndABallotPostedThenIsNotCounted()
    {
        var (campaign, tokens) = await site.CampaignAsync("branch-1", ["D111"], ["J003", "J004"], Open, Later);
        var member = await IdsAsync("D111");
        var client = site.CreateBrowserClient();
        var form = await AppraisalsSite.FormTokenAsync(client, tokens[0]); // the form was open while voting was

        await site.CloseAsync(campaign.Id);

        var late = await client.PostAsync(VoteTokens.Path(tokens[0]), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form, ["Ballot[0].MemberId"] = member[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Ballot[0].Rating"] = "0",
        }), Ct);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("已结束", await late.Content.ReadAsStringAsync(Ct));
        var get = await client.GetAsync(VoteTokens.Path(tokens[1]), Ct);
        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Equal(0, await site.BallotRowsAsync(campaign.Id));
        Assert.False(await site.WithDbAsync(db => db.Set<AppraisalVoter>().AnyAsync(v => v.CampaignId == campaign.Id && v.Used, Ct)));
    }

    [Fact]
    public async Task BeforeOpening_TheLinkIsRefused_AndNothingIsCounted()
    {
        var (campaign, tokens) = await site.CampaignAsync("branch-1", ["D112"], ["J014"], TimeSpan.FromDays(2), Later);

        var get = await site.CreateBrowserClient().GetAsync(VoteTokens.Path(tokens[0]), Ct);

        Assert.Equal(HttpStatusCode.Conflict, get.StatusCode);
        Assert.Contains("尚未开始", await get.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await site.BallotRowsAsync(campaign.Id));
    }

    [Fact]
    public async Task AnIncompleteBallot_IsRefusedWithAChineseMessage_AndTheLinkStaysUsable()
    {
        var (campaign, tokens) = await site.CampaignAsync("branch-1", ["D113", "D114"], ["J015"], Open, Later);
        var members = await IdsAsync("D113");
        var client = site.CreateBrowserClient();

        var partial = await AppraisalsSite.VoteAsync(client, tokens[0], members, (int)Rating.Competent);

        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        Assert.Contains("请为这名党员选择一个评价", await partial.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await site.BallotRowsAsync(campaign.Id));
        var complete = await AppraisalsSite.VoteAsync(client, tokens[0], await IdsAsync("D113", "D114"), (int)Rating.Competent);
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused_AndTheLinkIsNotUsed()
    {
        var (campaign, tokens) = await site.CampaignAsync("branch-1", ["D105"], ["J016"], Open, Later);
        var member = await IdsAsync("D105");
        var client = site.CreateBrowserClient();
        await client.GetStringAsync(VoteTokens.Path(tokens[0]), Ct);

        var response = await client.PostAsync(VoteTokens.Path(tokens[0]), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Ballot[0].MemberId"] = member[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Ballot[0].Rating"] = "0",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await site.BallotRowsAsync(campaign.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(VoteTokens.Path(tokens[0]), Ct)).StatusCode);
    }
}
