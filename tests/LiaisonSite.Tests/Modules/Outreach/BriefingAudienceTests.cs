using System.Net;
using Liaison.Search.Indexing;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Talks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Outreach;

/// <summary>
/// A briefing (SPEC R8) is public, or for signed-in staff only (issue 10 item 5). The demo's staff-appraisal briefing is
/// for staff only; its schedule-change briefing is public.
/// </summary>
[Collection(TalksCollection.Name)]
public sealed class BriefingAudienceTests(TalksSite site)
{
    private const string StaffOnly = "/briefings/staff-appraisal";
    private const string Public = "/briefings/schedule-change";

    private static CancellationToken Ct => TalksSite.Ct;

    [Fact]
    public async Task AStaffOnlyBriefing_AsksVisitorsToSignIn_AndIsReadBySignedInUsers()
    {
        var anonymous = site.CreateBrowserClient();

        var refused = await anonymous.GetAsync(StaffOnly, Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/login", refused.Headers.Location!.OriginalString);
        // Asked twice: the first answer was not cached for the second visitor either.
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(StaffOnly, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(Public, Ct)).StatusCode);

        var member = await (await site.SignInAsync("member1")).GetAsync(StaffOnly, Ct);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        var html = await member.Content.ReadAsStringAsync(Ct);
        Assert.Contains("本年度教职工考核工作", html);
        Assert.Contains("仅限教职工", html);
    }

    [Fact]
    public async Task TheAnonymousApi_TheSitemapAndThePublicSearch_LeaveItOut()
    {
        var anonymous = site.CreateBrowserClient();
        var publicIds = await TalksSite.ApiIdsAsync(anonymous, "Briefing");
        Assert.Contains("briefing-schedule-change", publicIds);
        Assert.DoesNotContain("briefing-staff-appraisal", publicIds);
        Assert.Contains("briefing-staff-appraisal", await TalksSite.ApiIdsAsync(await site.SignInAsync("member1"), "Briefing"));

        var sitemap = await anonymous.GetStringAsync("/sitemap.xml", Ct);
        Assert.Contains(Public + "</loc>", sitemap);
        Assert.DoesNotContain(StaffOnly, sitemap);

        await site.Services.GetRequiredService<SearchIndexer>().UpdateAsync(Ct);
        var query = "/search?q=" + Uri.EscapeDataString("教职工考核");
        Assert.DoesNotContain(StaffOnly, await anonymous.GetStringAsync(query, Ct));
        Assert.Contains(StaffOnly, await (await site.SignInAsync("member1")).GetStringAsync(query, Ct));
    }

    [Fact]
    public async Task AnAudienceThatIsNeitherIsRefused_AndNothingIsSaved()
    {
        var committee = await site.SignInAsync("committee1");
        var title = "情况通报 " + Guid.NewGuid().ToString("N")[..8];

        var response = await SiteFactory.PostFormAsync(committee, "/admin/contents/new/Briefing", "/admin/contents/new/Briefing/publish", new()
        {
            ["TitlePart.Title"] = title,
            ["HtmlBodyPart.Html"] = "<p>内容</p>",
            ["BriefingPart.Audience"] = "Students",
        });

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("请选择通报的阅读范围", await response.Content.ReadAsStringAsync(Ct));
        Assert.False(await site.WithDbAsync(db => db.ContentItems.AnyAsync(c => c.DisplayText == title, Ct)));
    }
}
