using System.Net;
using Liaison.Contacts.Data;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Contacts;

/// <summary>Who may list, open, edit and preview Contact items (SPEC R1, issue 3 item 7).</summary>
public sealed class ContactScopeTests(ContactsSite site) : IClassFixture<ContactsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_ForTheCommittee_ListsEveryContact()
    {
        var ids = await ContactsSite.ApiIdsAsync(await site.SignInAsync("committee1"));

        Assert.Superset(new HashSet<string> { site.Member1Activist, site.Member1Hardship, site.Member2Young, site.Member3Assistance }, ids.ToHashSet());
    }

    [Fact]
    public async Task DemoRecipe_AssignsContactsInEveryBranchAndCategory_Member1InSeveral()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<ContactIndex>()
            .Where(x => x.Latest && x.ContentItemId.StartsWith("contact-")).ToListAsync(Ct);

        Assert.True(rows.Count >= 64, $"{rows.Count} demo contacts");
        Assert.Superset(new HashSet<string> { "branch-1", "branch-2", "branch-3" }, rows.Select(r => r.BranchId).ToHashSet());
        Assert.Equal(new[] { 1, 2, 3, 4 }, rows.Select(r => r.Category).Distinct().Order());
        Assert.Superset(new HashSet<int> { 1, 2, 3 }, rows.Where(r => r.MemberId == site.Member1Id).Select(r => r.Category).ToHashSet());
    }

    [Fact]
    public async Task Api_ForSecretary1_ListsOnlyBranch1Contacts()
    {
        var ids = await ContactsSite.ApiIdsAsync(await site.SignInAsync("secretary1"));

        Assert.Contains(site.Member1Activist, ids);
        Assert.Contains(site.Member2Young, ids);
        Assert.DoesNotContain(site.Member3Assistance, ids);
    }

    [Fact]
    public async Task Api_ForMember1_ListsOnlyTheirOwn()
    {
        var ids = await ContactsSite.ApiIdsAsync(await site.SignInAsync("member1"));

        Assert.Contains(site.Member1Activist, ids);
        Assert.Contains(site.Member1Hardship, ids);
        Assert.All(await site.MembersOfAsync(ids), memberId => Assert.Equal(site.Member1Id, memberId));
    }

    [Theory]
    [InlineData("editor1")]
    [InlineData(null)]
    public async Task Api_ForAnEditorOrAnonymous_ListsNothing(string? user)
    {
        var client = user is null ? site.CreateBrowserClient() : await site.SignInAsync(user);

        Assert.Empty(await ContactsSite.ApiIdsAsync(client));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/content/{site.Member1Activist}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/admin/contents/{0}/edit")]
    [InlineData("/admin/contents/{0}/preview")]
    [InlineData("/admin/contents/{0}/versions")]
    public async Task Member1_OpeningAnotherMembersContactByUrl_IsRefused(string url)
    {
        var client = await site.SignInAsync("member1");

        var response = await client.GetAsync(string.Format(url, site.Member2Young), Ct);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/content/{site.Member2Young}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Member1_ReadsTheirOwnContact_ButCannotEditIt()
    {
        var client = await site.SignInAsync("member1");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/admin/contents/{site.Member1Activist}/preview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/content/{site.Member1Activist}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/contents/{site.Member1Activist}/edit", Ct)).StatusCode);
    }

    [Fact]
    public async Task Secretary1_CannotReachABranch2Contact()
    {
        var client = await site.SignInAsync("secretary1");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/contents/{site.Member3Assistance}/edit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/contents/{site.Member3Assistance}/preview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/content/{site.Member3Assistance}", Ct)).StatusCode);
        var post = await SiteFactory.PostFormAsync(client, $"/admin/contents/{site.Member2Young}/edit", $"/admin/contents/{site.Member3Assistance}/delete", []);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Secretary1_EditsABranch1Contact()
    {
        var client = await site.SignInAsync("secretary1");

        var html = await client.GetStringAsync($"/admin/contents/{site.Member2Young}/edit", Ct);

        Assert.Contains(ContactsSite.YoungName, html);
        Assert.Contains("ContactPart.Category", html);
    }

    [Fact]
    public async Task AdminContentList_OfContacts_IsScoped()
    {
        var member = await (await site.SignInAsync("member1")).GetStringAsync("/admin/contents?type=Contact", Ct);
        var editor = await (await site.SignInAsync("editor1")).GetStringAsync("/admin/contents?type=Contact", Ct);

        Assert.Contains(site.Member1Activist, member);
        Assert.DoesNotContain(site.Member2Young, member);
        Assert.DoesNotContain(site.Member1Activist, editor);
    }

    [Fact]
    public async Task PublicPages_SitemapAndSearch_NeverShowAContact()
    {
        var anonymous = site.CreateBrowserClient();

        var sitemap = await anonymous.GetStringAsync("/sitemap.xml", Ct);
        var search = await anonymous.GetStringAsync("/search?q=" + Uri.EscapeDataString("党员一"), Ct);
        var adminSearch = await (await site.SignInAsync("editor1")).GetStringAsync("/admin/search?q=" + Uri.EscapeDataString("党员一"), Ct);

        foreach (var id in new[] { site.Member1Activist, site.Member1Hardship, site.Member2Young, site.Member3Assistance })
        {
            Assert.DoesNotContain(id, sitemap);
            Assert.DoesNotContain(id, search);
            Assert.DoesNotContain(id, adminSearch);
        }

        Assert.DoesNotContain(ContactsSite.HardshipName, search);
    }
}
