using System.Net;
using Liaison.Contacts.Parts;
using Liaison.Organization.Contracts;
using Liaison.Organization.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Contacts;

/// <summary>
/// Issue 15, item 3: contact assignments are records — left out of 全部内容, opened in the admin theme inside 联系对象
/// (/admin/contacts/{id}, scoped in the query, 404 outside the scope), on the member's record in the roster, and a member
/// reveals the full phone number of their own contact targets, logged like every reveal.
/// </summary>
public sealed class ContactRecordTests(ContactsSite site) : IClassFixture<ContactsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_OpensInTheAdminTheme_ForThoseWhoSeeIt_And404ForOthers()
    {
        var member1 = await site.SignInAsync("member1");
        var secretary1 = await site.SignInAsync("secretary1");
        var secretary2 = await site.SignInAsync("secretary2");

        var own = await member1.GetAsync($"/admin/contacts/{site.Member1Activist}", Ct);
        var html = await own.Content.ReadAsStringAsync(Ct);
        var list = await member1.GetStringAsync("/admin/contacts", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(ContactsSite.ActivistName, html);
        Assert.Contains("id=\"admin-sidebar\"", html);
        Assert.Contains("href=\"/admin/contacts\"", html);
        Assert.DoesNotContain("href=\"/login\"", html);
        Assert.DoesNotContain($"/admin/contents/{site.Member1Activist}/edit", html);
        Assert.Contains($"href=\"/admin/contacts/{site.Member1Activist}\"", list);
        Assert.DoesNotContain("/preview", list);
        Assert.Equal(HttpStatusCode.NotFound, (await member1.GetAsync($"/admin/contacts/{site.Member2Young}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary2.GetAsync($"/admin/contacts/{site.Member1Activist}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member1.GetAsync("/admin/contacts/no-such-contact", Ct)).StatusCode);
        var bySecretary = await secretary1.GetStringAsync($"/admin/contacts/{site.Member1Activist}", Ct);
        Assert.Contains($"/admin/contents/{site.Member1Activist}/edit", bySecretary);
    }

    [Fact]
    public async Task OpeningASensitiveRecord_WritesAnAccessLogRow()
    {
        var member1 = await site.SignInAsync("member1");
        var before = await site.AccessRowsAsync(site.Member1Hardship, AccessActions.ViewContact, "member1");

        var response = await member1.GetAsync($"/admin/contacts/{site.Member1Hardship}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ContactsSite.HardshipName, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before + 1, await site.AccessRowsAsync(site.Member1Hardship, AccessActions.ViewContact, "member1"));
    }

    [Fact]
    public async Task AMember_RevealsTheFullPhoneOfTheirOwnContact_Logged_ButNotOfAnotherMembers()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var person = await OrganizationSeed.AddPersonAsync(site.Services, PersonKind.Student, "R" + suffix, "揭示" + suffix, "branch-1",
            phone: "13912345678");
        string id;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var item = await contents.NewAsync("Contact");
            item.Apply(new ContactPart { MemberId = site.Member1Id, PersonId = person.Id, Category = ContactCategories.Activist });
            await contents.CreateAsync(item, VersionOptions.Published);
            await scope.ServiceProvider.GetRequiredService<LiaisonSite.Core.Data.LiaisonDbContext>().SaveChangesAsync(Ct);
            id = item.ContentItemId;
        }

        var member1 = await site.SignInAsync("member1");
        var page = await member1.GetStringAsync($"/admin/contacts/{id}", Ct);
        Assert.DoesNotContain("13912345678", page);
        Assert.Contains($"/admin/contacts/{id}/reveal-phone", page);

        var revealed = await SiteFactory.PostFormAsync(member1, $"/admin/contacts/{id}", $"/admin/contacts/{id}/reveal-phone", []);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains("13912345678", await revealed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await site.AccessRowsAsync(id, AccessActions.RevealPhone, "member1"));

        // Another member's contact: not found for member1, and nothing is logged.
        var others = await SiteFactory.PostFormAsync(member1, $"/admin/contacts/{id}", $"/admin/contacts/{site.Member2Young}/reveal-phone", []);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(0, await site.AccessRowsAsync(site.Member2Young, AccessActions.RevealPhone, "member1"));
    }

    [Fact]
    public async Task AllContent_LeavesContactAssignmentsOut_ButTheContactTypeFilterListsThem()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var all = await admin.GetStringAsync("/admin/contents?pageSize=100", Ct);
        var contacts = await admin.GetStringAsync("/admin/contents?type=Contact&pageSize=100", Ct);

        Assert.DoesNotContain(site.Member1Activist, all);
        Assert.Contains(site.Member1Activist, contacts);
    }

    [Fact]
    public async Task TheMembersRecord_ShowsTheirContacts_WithoutNamingSensitiveOnes()
    {
        var secretary1 = await site.SignInAsync("secretary1");

        var record = await secretary1.GetStringAsync($"/admin/organization/members/{site.Member1Id}", Ct);

        Assert.Contains(ContactsSite.ActivistName, record);
        Assert.DoesNotContain(ContactsSite.HardshipName, record);
        Assert.Contains($"/admin/contacts?member={site.Member1Id}", record);
    }
}
