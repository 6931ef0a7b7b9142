using System.Net;
using System.Security.Claims;
using Liaison.Organization.Data;
using Liaison.Talks.Data;
using Liaison.Talks.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Talks;

/// <summary>Who sees talks (SPEC R3, issue 10 Done-when): through the API, the admin list, search and exports.</summary>
[Collection(TalksCollection.Name)]
public sealed class TalkScopeTests(TalksSite site)
{
    private static CancellationToken Ct => TalksSite.Ct;

    [Fact]
    public async Task Api_Member1_GetsOnlyTheirOwnTalks()
    {
        var ids = await TalksSite.ApiIdsAsync(await site.SignInAsync("member1"), "Talk");

        var member1 = await site.MemberIdAsync("D102");
        Assert.NotEmpty(ids);
        Assert.All(await site.TalkRowsAsync(ids), t => Assert.Equal(member1, t.MemberId));
        Assert.Equal(ids.Count, (await site.TalkRowsAsync(ids)).Count);
    }

    [Fact]
    public async Task Api_Secretary1_GetsBranch1Talks_AndNoOtherBranchs()
    {
        var ids = await TalksSite.ApiIdsAsync(await site.SignInAsync("secretary1"), "Talk");

        var rows = await site.TalkRowsAsync(ids);
        Assert.Equal(ids.Count, rows.Count);
        Assert.All(rows, t => Assert.Equal("branch-1", t.BranchId));
        Assert.Contains(rows, t => t.MemberId != rows[0].MemberId); // more than one member's talks
    }

    [Fact]
    public async Task Api_Committee_GetsTheTalksOfEveryBranch()
    {
        var ids = await TalksSite.ApiIdsAsync(await site.SignInAsync("committee1"), "Talk");

        var branches = (await site.TalkRowsAsync(ids)).Select(t => t.BranchId).ToHashSet();
        Assert.Superset(new HashSet<string> { "branch-1", "branch-2", "branch-3" }, branches);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("editor1")]
    public async Task Api_AnonymousOrEditor_GetsNone_AndCannotOpenOne(string? user)
    {
        var client = user is null ? site.CreateBrowserClient() : await site.SignInAsync(user);

        Assert.Empty(await TalksSite.ApiIdsAsync(client, "Talk"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/content/talk-d102-s007", Ct)).StatusCode);
    }

    [Fact]
    public async Task Member1_CannotOpenAnotherMembersTalk_BySecretary2Neither()
    {
        var member1 = await site.SignInAsync("member1");
        var secretary2 = await site.SignInAsync("secretary2");
        var other = await site.WithDbAsync(async db =>
        {
            var me = await db.Set<PartyMember>().Where(m => m.Number == "D102").Select(m => m.Id).FirstAsync(Ct);
            return await db.Set<TalkIndex>().Where(t => t.Latest && t.BranchId == "branch-1" && t.MemberId != me).Select(t => t.ContentItemId).FirstAsync(Ct);
        });

        Assert.Equal(HttpStatusCode.NotFound, (await member1.GetAsync($"/api/content/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member1.GetAsync($"/admin/contents/{other}/preview", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary2.GetAsync($"/api/content/{other}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AdminList_SearchAndSitemap_KeepTalksInScope()
    {
        var member = await (await site.SignInAsync("member1")).GetStringAsync("/admin/contents?type=Talk", Ct);
        var editor = await (await site.SignInAsync("editor1")).GetStringAsync("/admin/search?q=" + Uri.EscapeDataString("谈心"), Ct);
        var sitemap = await site.CreateBrowserClient().GetStringAsync("/sitemap.xml", Ct);
        var search = await site.CreateBrowserClient().GetStringAsync("/search?q=" + Uri.EscapeDataString("谈心记录"), Ct);

        Assert.Contains("talk-d102-", member);
        Assert.DoesNotContain("talk-d103-", member);
        Assert.DoesNotContain("talk-", editor);
        Assert.DoesNotContain("talk-", sitemap);
        Assert.DoesNotContain("talk-", search);
    }

    [Fact]
    public async Task Export_KeepsTheTalksTheUserMaySee_AndSensitiveOnesOnlyForTheCommittee()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var talks = await services.GetRequiredService<LiaisonDbContext>().ContentItems.AsNoTracking()
            .Where(c => c.ContentType == "Talk" && c.Latest).ToListAsync(Ct);
        var filter = services.GetRequiredService<TalkExportFilter>();

        var forMember = await filter.FilterAsync(await PrincipalAsync(services, "member1"), talks, Ct);
        var forSecretary = await filter.FilterAsync(await PrincipalAsync(services, "secretary1"), talks, Ct);
        var forCommittee = await filter.FilterAsync(await PrincipalAsync(services, "committee1"), talks, Ct);
        var forNobody = await filter.FilterAsync(null, talks, Ct);

        Assert.Empty(forNobody);
        Assert.NotEmpty(forMember);
        // Other classes of the collection add talks of member1: assert on whose talks they are, not on their ids.
        var member1 = await site.MemberIdAsync("D102");
        Assert.All(forMember, t => Assert.Equal(member1, t.As<Liaison.Talks.Parts.TalkPart>().MemberId));
        Assert.DoesNotContain(forMember, t => t.ContentItemId == "talk-d102-s007"); // category 2: sensitive
        Assert.All(forSecretary, t => Assert.Equal("branch-1", t.As<Liaison.Talks.Parts.TalkPart>().BranchId));
        Assert.Contains(forCommittee, t => t.ContentItemId == "talk-d102-s007");
        Assert.True(forCommittee.Count > forSecretary.Count);
    }

    [Fact]
    public async Task ViewingATalkWithASensitiveContactTarget_IsAudited()
    {
        var client = await site.SignInAsync("secretary1");
        var before = await AuditRowsAsync("secretary1");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/content/talk-d102-s007", Ct)).StatusCode);

        Assert.Equal(before + 1, await AuditRowsAsync("secretary1"));
    }

    [Fact]
    public async Task Demo_HasAtLeast40TalksOverThreeBranches_EveryOccasion_AndForumsReceptionDaysBriefings()
    {
        var rows = await site.WithDbAsync(db => db.Set<TalkIndex>().AsNoTracking().Where(t => t.Latest && t.ContentItemId.StartsWith("talk-")).ToListAsync(Ct));
        var types = await site.WithDbAsync(db => db.ContentItems.AsNoTracking().Where(c => c.Published)
            .GroupBy(c => c.ContentType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct));

        Assert.True(rows.Count >= 40, $"{rows.Count} demo talks");
        Assert.Superset(new HashSet<string> { "branch-1", "branch-2", "branch-3" }, rows.Select(r => r.BranchId).ToHashSet());
        Assert.Equal([0, 1, 2, 3, 4, 5], rows.Select(r => r.Occasion).Distinct().Order());
        Assert.True(types.GetValueOrDefault("Forum") >= 1 && types.GetValueOrDefault("ReceptionDay") >= 1 && types.GetValueOrDefault("Briefing") >= 1,
            string.Join(", ", types.Select(t => $"{t.Key}={t.Value}")));
    }

    private Task<int> AuditRowsAsync(string user) => site.WithDbAsync(db =>
        db.Set<PersonalDataAccess>().CountAsync(a => a.ContentItemId == "talk-d102-s007" && a.Action == TalkAccessScope.ViewAction && a.UserName == user, Ct));

    private static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<UserManager<LiaisonUser>>();
        var user = await users.FindByNameAsync(userName);
        return await services.GetRequiredService<IUserClaimsPrincipalFactory<LiaisonUser>>().CreateAsync(user!);
    }
}
