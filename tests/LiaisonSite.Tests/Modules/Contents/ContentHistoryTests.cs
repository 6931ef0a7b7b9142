using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Liaison.Contacts.Parts;
using Liaison.Organization.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Contacts;
using LiaisonSite.Tests.Quality;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>
/// Issue 8, findings 2 and 3: an id keeps its identity after deletion; history and restore are authorized against
/// the version itself and a restore is a save; a save that changes nothing is not a quiet read; a type without
/// drafts never gets one. Every test uses its own member/person/category triple, so tests do not meet.
/// </summary>
public sealed class ContentHistoryTests(ContactsSite site) : IClassFixture<ContactsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_DeletedContactsId_PostedAsAPage_IsRefused_AndNothingOfItComesBack()
    {
        var committee = await site.SignInAsync("committee1");
        var id = await CreateAsync(committee, ContactsSite.Contact(site.Member3Id, site.PersonB2, ContactCategories.Hardship));
        await DeleteAsync(committee, id);
        var member1 = await site.SignInAsync("member1");

        var response = await member1.PostAsJsonAsync("/api/content", ContentsHttp.Page("借壳", ContentsHttp.Unique("shell-"), false, id), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["ContentItemId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await member1.GetAsync($"/admin/contents/{id}/versions", Ct)).StatusCode);
        Assert.All(await VersionsAsync(id), v => Assert.Equal("Contact", v.ContentType));
    }

    [Fact]
    public async Task Api_DeletedPagesId_IsReusableByItsOwner_ButNotByAnotherOwner()
    {
        var editor = await site.SignInAsync("editor1");
        var id = "reuse" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/content", ContentsHttp.Page("第一次", ContentsHttp.Unique("reuse-"), true, id), Ct)).StatusCode);
        await DeleteAsync(editor, id);

        var other = await (await site.SignInAsync("member2")).PostAsJsonAsync("/api/content", ContentsHttp.Page("别人", ContentsHttp.Unique("reuse-"), false, id), Ct);
        var owner = await editor.PostAsJsonAsync("/api/content", ContentsHttp.Page("第二次", ContentsHttp.Unique("reuse-"), true, id), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.Created, owner.StatusCode);
    }

    [Fact]
    public async Task History_OfAContactMovedToBranch1_HidesItsBranch2Versions_AndTheirRestoreIsNotFound()
    {
        var committee = await site.SignInAsync("committee1");
        var id = await CreateAsync(committee, ContactsSite.Contact(site.Member3Id, site.PersonB2, ContactCategories.Activist));
        var branch2Version = (await VersionsAsync(id)).Single().ContentItemVersionId;
        var moved = ContactsSite.Contact(site.Member1Id, site.PersonB1Other, ContactCategories.Assistance);
        moved["ContentItemId"] = id;
        Assert.Equal(HttpStatusCode.OK, (await committee.PostAsJsonAsync("/api/content", moved, Ct)).StatusCode);
        var secretary1 = await site.SignInAsync("secretary1");

        var history = await secretary1.GetStringAsync($"/admin/contents/{id}/versions", Ct);
        var restore = await SiteFactory.PostFormAsync(secretary1, $"/admin/contents/{id}/versions", $"/admin/contents/{id}/versions/{branch2Version}/restore", []);

        Assert.Contains(MemberName(site.Member1Id), history, StringComparison.Ordinal);
        Assert.DoesNotContain(MemberName(site.Member3Id), history, StringComparison.Ordinal);
        Assert.DoesNotContain(branch2Version, history, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        Assert.Equal(site.Member1Id, (await LatestAsync(id)).As<ContactPart>().MemberId);
        var committeeHistory = await committee.GetStringAsync($"/admin/contents/{id}/versions", Ct);
        Assert.Contains(MemberName(site.Member3Id), committeeHistory, StringComparison.Ordinal);
        Assert.Contains("恢复并发布", committeeHistory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_IsValidatedLikeASave_AndATypeWithoutDraftsIsPublished_NeverLeftAsADraft()
    {
        var committee = await site.SignInAsync("committee1");
        var c = await CreateAsync(committee, ContactsSite.Contact(site.Member3Id, site.PersonB2, ContactCategories.YoungStaff));
        var first = (await VersionsAsync(c)).Single().ContentItemVersionId;
        await UpdateAsync(committee, c, ContactsSite.Contact(site.Member3Id, site.PersonB1, ContactCategories.YoungStaff));
        var d = await CreateAsync(committee, ContactsSite.Contact(site.Member3Id, site.PersonB2, ContactCategories.YoungStaff));
        var versionsBefore = (await VersionsAsync(c)).Count;

        // C's first version would duplicate D's running assignment: refused as a save would be, nothing written.
        var refused = await RestoreAsync(committee, c, first);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.EndsWith($"/admin/contents/{c}/versions", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(versionsBefore, (await VersionsAsync(c)).Count);
        Assert.Equal(site.PersonB1, (await LatestAsync(c)).As<ContactPart>().PersonId);

        await UpdateAsync(committee, d, ContactsSite.Contact(site.Member3Id, site.PersonB1Other, ContactCategories.YoungStaff));
        var restored = await RestoreAsync(committee, c, first);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var latest = await LatestAsync(c);
        Assert.Equal(site.PersonB2, latest.As<ContactPart>().PersonId);
        Assert.True(latest.Published, "a Contact (not Draftable) is published when restored");
        Assert.DoesNotContain(await VersionsAsync(c), v => v.Latest && !v.Published);
    }

    [Fact]
    public async Task Api_BareIdOfASensitiveContact_SavesNothing_AndIsLoggedAsTheReadItIs()
    {
        var secretary1 = await site.SignInAsync("secretary1");
        var versions = (await VersionsAsync(site.Member1Hardship)).Count;
        var logged = await site.AccessRowsAsync(site.Member1Hardship, AccessActions.ViewContact, "secretary1");

        var response = await secretary1.PostAsJsonAsync("/api/content", new JsonObject { ["ContentItemId"] = site.Member1Hardship }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(versions, (await VersionsAsync(site.Member1Hardship)).Count);
        Assert.True((await LatestAsync(site.Member1Hardship)).Published);
        Assert.Equal(logged + 1, await site.AccessRowsAsync(site.Member1Hardship, AccessActions.ViewContact, "secretary1"));
    }

    [Fact]
    public async Task Api_ChangeToAContactWithoutPublishing_IsRefused_ForContactsHaveNoDrafts()
    {
        var secretary1 = await site.SignInAsync("secretary1");
        var versions = (await VersionsAsync(site.Member1Activist)).Count;
        var change = ContactsSite.Contact(site.Member1Id, site.PersonB1, ContactCategories.Activist);
        change["ContentItemId"] = site.Member1Activist;
        change["Published"] = false;
        change["ContactPart"]!["Notes"] = "想存成草稿";

        var response = await secretary1.PostAsJsonAsync("/api/content", change, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(versions, (await VersionsAsync(site.Member1Activist)).Count);
        Assert.DoesNotContain(await VersionsAsync(site.Member1Activist), v => v.Latest && !v.Published);
    }

    [Fact]
    public async Task Api_SavedSensitiveContact_EchoedInTheAnswer_IsLogged()
    {
        var committee = await site.SignInAsync("committee1");
        var logged = await site.AccessRowsAsync(site.Member3Assistance, AccessActions.ViewContact, "committee1");
        var change = ContactsSite.Contact(site.Member3Id, site.PersonB2, ContactCategories.Assistance, "2026-09-01");
        change["ContentItemId"] = site.Member3Assistance;
        change["ContactPart"]!["Notes"] = "每月走访";

        var response = await committee.PostAsJsonAsync("/api/content", change, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["ContactPart"]);
        Assert.Equal(logged + 1, await site.AccessRowsAsync(site.Member3Assistance, AccessActions.ViewContact, "committee1"));
    }

    [Fact]
    public void AccessLogRows_AreWrittenOnlyByOrganizationsAccessLogWriter()
    {
        var writers = SourceTree.Files("src", ".cs")
            .Where(f => File.ReadAllText(f).Contains("new PersonalDataAccess", StringComparison.Ordinal))
            .Select(SourceTree.Relative)
            .ToList();

        Assert.Equal(["src/Modules/Liaison.Organization/AccessLog/AccessLogWriter.cs"], writers);
    }

    private static async Task<string> CreateAsync(HttpClient client, JsonObject contact)
    {
        var response = await client.PostAsJsonAsync("/api/content", contact, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["ContentItemId"]!.GetValue<string>();
    }

    private static async Task UpdateAsync(HttpClient client, string id, JsonObject contact)
    {
        contact["ContentItemId"] = id;
        var response = await client.PostAsJsonAsync("/api/content", contact, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task DeleteAsync(HttpClient client, string id)
    {
        var response = await SiteFactory.PostFormAsync(client, $"/admin/contents/{id}/edit", $"/admin/contents/{id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<HttpResponseMessage> RestoreAsync(HttpClient client, string id, string versionId)
        => SiteFactory.PostFormAsync(client, $"/admin/contents/{id}/versions", $"/admin/contents/{id}/versions/{versionId}/restore", []);

    private async Task<List<ContentItem>> VersionsAsync(string id)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.AsNoTracking()
            .Where(c => c.ContentItemId == id).OrderBy(c => c.Id).ToListAsync(Ct);
    }

    /// <summary>The member's name as the roster has it (the demo roster names D102 and D202).</summary>
    private string MemberName(int memberId)
    {
        using var scope = site.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<PartyMember>().Single(m => m.Id == memberId).Name;
    }

    private async Task<ContentItem> LatestAsync(string id) => (await VersionsAsync(id)).Single(v => v.Latest);
}
