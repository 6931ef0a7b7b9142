using System.Net;
using System.Text.RegularExpressions;
using Liaison.Appraisals.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.EntityFrameworkCore;

namespace LiaisonSite.Tests.Modules.Appraisals;

/// <summary>
/// /admin/appraisals (issue 13 Done-when): serves secretaries (their branch) and the committee (all), refuses members;
/// results only after closing; tallies; the notice of the results; links issued as printable slips.
/// </summary>
[Collection(AppraisalsCollection.Name)]
public sealed partial class AppraisalAdminTests(AppraisalsSite site)
{
    private static CancellationToken Ct => AppraisalsSite.Ct;

    private Task<int> DemoCampaignAsync(string branch)
        => site.WithDbAsync(db => db.Set<AppraisalCampaign>().Where(c => c.BranchId == branch && c.CreatedBy == "recipe").Select(c => c.Id).FirstAsync(Ct));

    [Fact]
    public async Task TheList_ServesSecretaries_AndRefusesMembers()
    {
        var secretary = await (await site.SignInAsync("secretary1")).GetAsync("/admin/appraisals", Ct);
        Assert.Equal(HttpStatusCode.OK, secretary.StatusCode);
        var html = await secretary.Content.ReadAsStringAsync(Ct);
        Assert.Contains("第一党支部2025年度民主评议党员", html);
        Assert.DoesNotContain("第二党支部2026年度民主评议党员", html);
        Assert.Contains("第二党支部2026年度民主评议党员", await (await site.SignInAsync("committee1")).GetStringAsync("/admin/appraisals", Ct));

        var member = await (await site.SignInAsync("member1")).GetAsync("/admin/appraisals", Ct);
        Assert.StartsWith("/access-denied", member.Headers.Location?.PathAndQuery());
    }

    [Fact]
    public async Task AMember_CannotCreateACampaign()
    {
        var before = await site.WithDbAsync(db => db.Set<AppraisalCampaign>().CountAsync(Ct));
        var member = await site.SignInAsync("member1");
        var token = SiteFactory.AntiforgeryToken(await member.GetStringAsync("/admin/my-work", Ct));

        var response = await member.PostAsync("/admin/appraisals/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Campaign.BranchId"] = "branch-1", ["Campaign.Year"] = "2026", ["Campaign.Title"] = "成员不能创建",
            ["Campaign.Opens"] = "2026-12-01T08:00", ["Campaign.Closes"] = "2026-12-10T18:00",
        }), Ct);

        Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery());
        Assert.Equal(before, await site.WithDbAsync(db => db.Set<AppraisalCampaign>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Secretary1_CannotOpenOrManageBranch2sCampaign()
    {
        var id = await DemoCampaignAsync("branch-2");
        var secretary1 = await site.SignInAsync("secretary1");
        var token = SiteFactory.AntiforgeryToken(await secretary1.GetStringAsync("/admin/appraisals", Ct));

        Assert.Equal(HttpStatusCode.NotFound, (await secretary1.GetAsync($"/admin/appraisals/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary1.GetAsync($"/admin/appraisals/{id}/results", Ct)).StatusCode);
        foreach (var action in new[] { "slips", "mail", "notice", "participants" })
        {
            var post = await secretary1.PostAsync($"/admin/appraisals/{id}/{action}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await (await site.SignInAsync("secretary2")).GetAsync($"/admin/appraisals/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ASecretary_CannotCreateACampaignForAnotherBranch()
    {
        var title = "越权创建" + Guid.NewGuid().ToString("N")[..6];
        var response = await SiteFactory.PostFormAsync(await site.SignInAsync("secretary1"), "/admin/appraisals/new", "/admin/appraisals/new", new()
        {
            ["Campaign.BranchId"] = "branch-2", ["Campaign.Year"] = "2026", ["Campaign.Title"] = title,
            ["Campaign.Opens"] = "2026-12-01T08:00", ["Campaign.Closes"] = "2026-12-10T18:00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请选择您管理的支部", await response.Content.ReadAsStringAsync(Ct));
        Assert.False(await site.WithDbAsync(db => db.Set<AppraisalCampaign>().AnyAsync(c => c.Title == title, Ct)));
    }

    [Fact]
    public async Task ASecretary_CreatesACampaign_ChoosesParticipants_AndPrintsSlipsWhoseLinksWork()
    {
        var secretary = await site.SignInAsync("secretary1");
        var title = "支部评议" + Guid.NewGuid().ToString("N")[..6];
        var opens = DateTime.UtcNow.AddHours(8 - 1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture); // school time, an hour ago
        var closes = DateTime.UtcNow.AddHours(8).AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var created = await SiteFactory.PostFormAsync(secretary, "/admin/appraisals/new", "/admin/appraisals/new", new()
        {
            ["Campaign.BranchId"] = "branch-1", ["Campaign.Year"] = "2026", ["Campaign.Title"] = title, ["Campaign.Opens"] = opens, ["Campaign.Closes"] = closes,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var d104 = await site.MemberIdAsync("D104");
        var j017 = await site.PersonIdAsync("J017");
        var j027 = await site.PersonIdAsync("J027");
        var d301 = await site.MemberIdAsync("D301");
        var foreign = await SiteFactory.PostFormAsync(secretary, page, $"{page}/participants", new() { ["appraised"] = d301.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        var saved = await secretary.PostAsync($"{page}/participants", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", SiteFactory.AntiforgeryToken(await secretary.GetStringAsync(page, Ct))),
            new("appraised", d104.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("personVoters", j017.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("personVoters", j027.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, await site.WithDbAsync(db => db.Set<AppraisalVoter>().CountAsync(v => v.CampaignId == id, Ct)));

        var slips = await SiteFactory.PostFormAsync(secretary, page, $"{page}/slips", new() { ["withoutMailOnly"] = "true" });
        Assert.Equal(HttpStatusCode.OK, slips.StatusCode);
        var html = await slips.Content.ReadAsStringAsync(Ct);
        var links = LinkPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal(2, Regex.Matches(html, "class=\"appraisal-slip__qr\"[^>]*>(<\\?xml[^>]*>)?\\s*<svg").Count);
        var hashes = await site.WithDbAsync(db => db.Set<AppraisalVoter>().Where(v => v.CampaignId == id).Select(v => v.TokenHash).ToListAsync(Ct));
        Assert.All(links, l => Assert.DoesNotContain(l, hashes)); // stored only as hashes

        var voter = site.CreateBrowserClient();
        var vote = await AppraisalsSite.VoteAsync(voter, links[0], [d104], 1);
        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
        Assert.Equal(1, await site.BallotRowsAsync(id));
    }

    [Fact]
    public async Task Results_AreHiddenBeforeClosing_AndTalliedAfter_AndTheNoticeShowsCountsOnly()
    {
        var (campaign, tokens) = await site.CampaignAsync("branch-1", ["D102", "D103"], ["J028", "J029", "J030", "J001"], TimeSpan.FromDays(-1), TimeSpan.FromDays(2));
        var d102 = await site.MemberIdAsync("D102");
        var d103 = await site.MemberIdAsync("D103");
        var secretary = await site.SignInAsync("secretary1");
        var voter = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AppraisalsSite.VoteAsync(voter, tokens[0], [d102, d103], 0, "秘密意见甲")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AppraisalsSite.VoteAsync(voter, tokens[1], [d102, d103], 0)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AppraisalsSite.VoteAsync(voter, tokens[2], [d102, d103], 3)).StatusCode);

        var hidden = await secretary.GetAsync($"/admin/appraisals/{campaign.Id}/results", Ct);
        var hiddenHtml = await hidden.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Conflict, hidden.StatusCode);
        Assert.Contains("投票结束", hiddenHtml);
        Assert.DoesNotContain("class=\"tally\"", hiddenHtml);
        var early = await SiteFactory.PostFormAsync(secretary, "/admin/appraisals", $"/admin/appraisals/{campaign.Id}/notice", []);
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Null(await site.WithDbAsync(db => db.Set<AppraisalCampaign>().Where(c => c.Id == campaign.Id).Select(c => c.NoticeContentItemId).FirstAsync(Ct)));

        await site.CloseAsync(campaign.Id);

        var html = await secretary.GetStringAsync($"/admin/appraisals/{campaign.Id}/results", Ct);
        Assert.Equal([2, 0, 0, 1], Counts(html, "D102"));
        Assert.Equal([2, 0, 0, 1], Counts(html, "D103"));
        Assert.Contains("投票人 4 人，已投票 3 人", html);
        Assert.Contains("秘密意见甲", html);

        var published = await SiteFactory.PostFormAsync(secretary, $"/admin/appraisals/{campaign.Id}/results", $"/admin/appraisals/{campaign.Id}/notice", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var noticeId = await site.WithDbAsync(db => db.Set<AppraisalCampaign>().Where(c => c.Id == campaign.Id).Select(c => c.NoticeContentItemId).FirstAsync(Ct));
        Assert.NotNull(noticeId);
        var notice = await site.CreateBrowserClient().GetStringAsync($"/notices/appraisal-2026-{campaign.Id}", Ct);
        Assert.Contains("民主评议党员结果公示", notice);
        Assert.Contains("李静", notice);
        Assert.DoesNotContain("秘密意见甲", notice);

        await SiteFactory.PostFormAsync(secretary, $"/admin/appraisals/{campaign.Id}/results", $"/admin/appraisals/{campaign.Id}/notice", []);
        Assert.Equal(noticeId, await site.WithDbAsync(db => db.Set<AppraisalCampaign>().Where(c => c.Id == campaign.Id).Select(c => c.NoticeContentItemId).FirstAsync(Ct)));
    }

    [Fact]
    public async Task TheDemo_HasAClosedCampaignWithItsNoticeOnNotices_AndAnOpenOneWithBallots()
    {
        var list = await site.CreateBrowserClient().GetStringAsync("/notices", Ct);
        var noticeTitle = await site.WithDbAsync(db => (from c in db.Set<AppraisalCampaign>()
                                                         join i in db.ContentItems on c.NoticeContentItemId equals i.ContentItemId
                                                         where c.BranchId == "branch-1" && c.CreatedBy == "recipe" && i.Published
                                                         select i.DisplayText).FirstAsync(Ct));
        Assert.StartsWith("第一党支部", noticeTitle);
        Assert.EndsWith("2025年度民主评议党员结果公示", noticeTitle);
        Assert.Contains(noticeTitle, list);

        var open = await DemoCampaignAsync("branch-2");
        Assert.Equal(9, await site.BallotRowsAsync(open)); // three ballots of three members
        var closed = await DemoCampaignAsync("branch-1");
        Assert.NotNull(await site.WithDbAsync(db => db.Set<AppraisalCampaign>().Where(c => c.Id == closed).Select(c => c.NoticeContentItemId).FirstAsync(Ct)));
        var results = await (await site.SignInAsync("secretary1")).GetStringAsync($"/admin/appraisals/{closed}/results", Ct);
        Assert.Equal([7, 3, 0, 0], Counts(results, "D102"));
    }

    [Fact]
    public async Task AnAppraisedMember_WritesTheSelfAssessment_ThatVotersRead()
    {
        var (campaign, tokens) = await site.CampaignAsync("branch-2", ["D202"], ["J031"], TimeSpan.FromDays(-1), TimeSpan.FromDays(2));
        var member3 = await site.SignInAsync("member3");
        var text = "自评" + Guid.NewGuid().ToString("N")[..6] + "：坚持联系群众。";
        Assert.Contains($"/admin/my-work/appraisals/{campaign.Id}", await member3.GetStringAsync("/admin/my-work", Ct));

        var saved = await SiteFactory.PostFormAsync(member3, "/admin/my-work", $"/admin/my-work/appraisals/{campaign.Id}", new() { ["selfAssessment"] = text });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(text, await site.CreateBrowserClient().GetStringAsync(Liaison.Appraisals.Voting.VoteTokens.Path(tokens[0]), Ct));
        var other = await SiteFactory.PostFormAsync(await site.SignInAsync("member4"), "/admin/my-work", $"/admin/my-work/appraisals/{campaign.Id}", new() { ["selfAssessment"] = "冒名" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private static int[] Counts(string html, string number)
    {
        var row = Regex.Match(html, $"<tr class=\"tally\" data-member=\"{number}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        return [.. Regex.Matches(row, "<td data-rating=\"\\d\">(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex("<code class=\"vote-link\">[^<]*?/appraisal/vote/([A-Za-z0-9_-]{32})</code>")]
    private static partial Regex LinkPattern();
}
