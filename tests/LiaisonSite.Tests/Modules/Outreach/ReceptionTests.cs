using System.Net;
using LiaisonSite.Tests.Modules.Talks;

namespace LiaisonSite.Tests.Modules.Outreach;

/// <summary>/reception (SPEC R6, issue 10 Done-when): upcoming reception days for everyone, in the sitemap; concerns never public.</summary>
[Collection(TalksCollection.Name)]
public sealed class ReceptionTests(TalksSite site)
{
    private static CancellationToken Ct => TalksSite.Ct;

    [Fact]
    public async Task Reception_ListsTheUpcomingReceptionDays_NotPastOnes_NorTheirConcerns()
    {
        var response = await site.CreateBrowserClient().GetAsync("/reception", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("总务处会议室", html);   // D003, in 3 days
        Assert.Contains("教务处接待室", html);   // D101, in 10 days
        Assert.DoesNotContain("校长办公室", html); // D001, two weeks ago
        Assert.DoesNotContain("热水供应", html);   // a visitor's concern
    }

    [Fact]
    public async Task TheSitemap_ListsReceptionAndTheOpinionBox()
    {
        var sitemap = await site.CreateBrowserClient().GetStringAsync("/sitemap.xml", Ct);

        Assert.Contains("/reception</loc>", sitemap);
        Assert.Contains("/opinions/new</loc>", sitemap);
    }

    [Fact]
    public async Task ForumsAndReceptionDays_AreScoped_ABriefingIsPublic()
    {
        var anonymous = site.CreateBrowserClient();

        Assert.Empty(await TalksSite.ApiIdsAsync(anonymous, "Forum"));
        Assert.Empty(await TalksSite.ApiIdsAsync(await site.SignInAsync("editor1"), "ReceptionDay"));
        var secretary = await TalksSite.ApiIdsAsync(await site.SignInAsync("secretary1"), "Forum");
        Assert.Contains("forum-branch1", secretary);
        Assert.DoesNotContain("forum-branch2", secretary);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/briefings/schedule-change", Ct)).StatusCode);
    }
}
