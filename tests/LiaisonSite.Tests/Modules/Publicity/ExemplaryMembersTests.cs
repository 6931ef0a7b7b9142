using System.Text.RegularExpressions;
using LiaisonSite.Tests.Infrastructure;

namespace LiaisonSite.Tests.Modules.Publicity;

public sealed partial class ExemplaryMembersTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ExemplaryMembers_ListsTheDemoMembers_FeaturedFirst_WithBranchPostHonorAndStories()
    {
        var page = await PublicHtml.GetPageAsync(site.CreateClient(), "/members/exemplary");
        var names = PublicHtml.CardTitles(page);

        Assert.Equal(["郑欣", "周雯", "李静", "何强"], names); // featured, newest first; then the others
        var zheng = page.QuerySelectorAll("main .tb-card").First(c => c.QuerySelector(".tb-card__title")!.TextContent.Trim() == "郑欣");
        Assert.Equal("/members/zheng-xin", zheng.QuerySelector(".tb-card__title a")?.GetAttribute("href"));
        Assert.Contains("第二党支部（数理教研组）", zheng.TextContent);
        Assert.Contains("化学教师、实验室负责人", zheng.TextContent);
        Assert.Contains("优秀共产党员", zheng.TextContent);
        Assert.Equal(
            ["/typical-examples/pairing-in-maths", "/typical-examples/lab-safety-pioneer"],
            zheng.QuerySelectorAll(".tb-member__stories a").Select(a => a.GetAttribute("href")!).ToArray());
    }

    [Fact]
    public async Task ExemplaryMembers_ShowsNoContactsOrAccounts()
    {
        var page = await PublicHtml.GetPageAsync(site.CreateClient(), "/members/exemplary");
        var main = page.QuerySelector("main")!;

        Assert.DoesNotMatch(EmailPattern(), main.InnerHtml);
        Assert.DoesNotMatch(PhonePattern(), main.InnerHtml);
        Assert.Empty(main.QuerySelectorAll("a[href^='mailto:'], a[href^='tel:'], a[href*='/admin/users']"));
    }

    [Fact]
    public async Task MemberPage_LinksTheMembersStories()
    {
        var page = await PublicHtml.GetPageAsync(site.CreateClient(), "/members/li-jing");

        Assert.Equal("李静", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/typical-examples/a-heart-to-heart-talk']"));
    }

    [Fact]
    public async Task Navigation_LinksTheExemplaryMembers()
    {
        var page = await PublicHtml.GetPageAsync(site.CreateClient(), "/");

        Assert.Equal("典型人物", page.QuerySelector("nav.tb-nav a[href='/members/exemplary']")?.TextContent.Trim());
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)|\d{3,4}-\d{7,8}")]
    private static partial Regex PhonePattern();
}
