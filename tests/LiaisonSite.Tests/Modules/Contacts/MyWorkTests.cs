using System.Net;

namespace LiaisonSite.Tests.Modules.Contacts;

/// <summary>我的联系工作 shows the signed-in member their own work and nothing of anyone else's.</summary>
public sealed class MyWorkTests(ContactsSite site) : IClassFixture<ContactsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MyWork_OfMember1_ShowsTheirContactsByCategoryWithAims_AndNoOneElses()
    {
        var html = await (await site.SignInAsync("member1")).GetStringAsync("/admin/my-work", Ct);

        Assert.Contains(ContactsSite.ActivistName, html);
        Assert.Contains(ContactsSite.HardshipName, html);
        Assert.Contains("提高他们对党的认识", html);
        Assert.DoesNotContain(ContactsSite.YoungName, html);
        Assert.DoesNotContain(ContactsSite.AssistanceName, html);
    }

    [Fact]
    public async Task MyWork_OfMember1_ShowsTheDemoContactsAndConfirmedPartners()
    {
        var html = await (await site.SignInAsync("member1")).GetStringAsync("/admin/my-work", Ct);

        Assert.Contains("蒋君浩", html);
        Assert.Contains("2026—2027学年", html);
        Assert.DoesNotContain("本学期没有已确认的结对对象", html);
    }

    [Fact]
    public async Task MyWork_ShowsAContactWithoutStartDateAsDue()
    {
        var html = await (await site.SignInAsync("member1")).GetStringAsync("/admin/my-work", Ct);

        Assert.Contains("没有开始日期", html);
    }

    [Fact]
    public async Task MyWork_ForAUserWithoutAMemberRow_Explains()
    {
        var html = await (await site.SignInAsync("editor1")).GetStringAsync("/admin/my-work", Ct);

        Assert.Contains("没有与花名册中的党员关联", html);
    }

    [Fact]
    public async Task AdminHome_ForAMember_LandsOnMyWork_OthersOnTheDashboard()
    {
        var member = await (await site.SignInAsync("member1")).GetAsync("/admin", Ct);
        var editor = await (await site.SignInAsync("editor1")).GetAsync("/admin", Ct);

        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        Assert.Equal("/admin/my-work", member.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
    }

    [Fact]
    public async Task ContactsList_OfSecretary1_IsBranch1_WithSensitiveNamesHidden()
    {
        var client = await site.SignInAsync("secretary1");

        var html = await client.GetStringAsync($"/admin/contacts?member={site.Member1Id}", Ct);
        var branch2 = await client.GetStringAsync($"/admin/contacts?member={site.Member3Id}", Ct);

        Assert.Contains(ContactsSite.ActivistName, html);
        Assert.Contains(site.Member1Hardship, html);
        Assert.DoesNotContain(ContactsSite.HardshipName, html);
        Assert.DoesNotContain(site.Member3Assistance, branch2);
        Assert.Contains("没有联系对象", branch2);
    }

    [Fact]
    public async Task ContactsList_OfMember1_IsTheirOwn_AndFilters()
    {
        var client = await site.SignInAsync("member1");

        var all = await client.GetStringAsync($"/admin/contacts?member={site.Member1Id}", Ct);
        var category1 = await client.GetStringAsync($"/admin/contacts?member={site.Member1Id}&category=1", Ct);
        var other = await client.GetStringAsync($"/admin/contacts?member={site.Member3Id}", Ct);

        Assert.Contains(site.Member1Activist, all);
        Assert.DoesNotContain(site.Member2Young, all);
        Assert.Contains(site.Member1Activist, category1);
        Assert.DoesNotContain(site.Member1Hardship, category1);
        Assert.DoesNotContain(site.Member3Assistance, other);
    }
}
