using System.Net;
using System.Security.Claims;
using Liaison.Contacts.Security;
using Liaison.Organization.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace LiaisonSite.Tests.Modules.Contacts;

/// <summary>Every view and export of a sensitive contact (categories 2 and 4) is logged; exports leave them out without the right.</summary>
public sealed class ContactAuditTests(ContactsSite site) : IClassFixture<ContactsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/admin/contents/{0}/edit", "secretary1")]
    [InlineData("/admin/contents/{0}/preview", "member1")]
    [InlineData("/api/content/{0}", "committee1")]
    public async Task ViewingASensitiveContact_WritesAnAccessLogRow(string url, string user)
    {
        var client = await site.SignInAsync(user);
        var before = await site.AccessRowsAsync(site.Member1Hardship, AccessActions.ViewContact, user);

        var response = await client.GetAsync(string.Format(url, site.Member1Hardship), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await site.AccessRowsAsync(site.Member1Hardship, AccessActions.ViewContact, user));
    }

    [Fact]
    public async Task ViewingAnOrdinaryContact_WritesNoAccessLogRow()
    {
        var client = await site.SignInAsync("secretary1");

        await client.GetStringAsync($"/admin/contents/{site.Member1Activist}/edit", Ct);

        Assert.Equal(0, await site.AccessRowsAsync(site.Member1Activist, AccessActions.ViewContact, "secretary1"));
    }

    [Fact]
    public async Task LogRow_NamesThePersonCategoryAndBranch()
    {
        await (await site.SignInAsync("committee1")).GetStringAsync($"/api/content/{site.Member3Assistance}", Ct);

        await using var scope = site.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<PersonalDataAccess>()
            .FirstAsync(a => a.ContentItemId == site.Member3Assistance && a.UserName == "committee1", Ct);
        Assert.Equal(ContactsSite.AssistanceName, row.PersonName);
        Assert.Equal(4, row.Category);
        Assert.Equal("branch-2", row.BranchId);
    }

    [Fact]
    public async Task ExportFilter_WithoutExportSensitive_DropsSensitiveContacts_AndOthersBranches()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var items = await AllContactsAsync(scope);
        var filter = scope.ServiceProvider.GetRequiredService<ContactExportFilter>();

        var kept = (await filter.FilterAsync(User("secretary1", RoleNames.BranchSecretary), items, Ct)).Select(i => i.ContentItemId).ToList();

        Assert.Contains(site.Member1Activist, kept);
        Assert.DoesNotContain(site.Member1Hardship, kept);
        Assert.DoesNotContain(site.Member3Assistance, kept);
    }

    [Fact]
    public async Task RecipeExport_ByTheCommittee_IncludesSensitiveContacts_AndLogsTheExport()
    {
        var client = await site.SignInAsync("committee1");

        var response = await SiteFactory.PostFormAsync(client, "/admin/recipes/export", "/admin/recipes/export", new() { ["contentTypes"] = "Contact" });
        var json = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(site.Member3Assistance, json);
        Assert.True(await site.AccessRowsAsync(site.Member3Assistance, AccessActions.Export, "committee1") >= 1);
    }

    [Fact]
    public async Task SpreadsheetExport_OfSecretary1_HasBranch1WithoutSensitiveRows()
    {
        var client = await site.SignInAsync("secretary1");

        var bytes = await client.GetByteArrayAsync("/admin/contacts/export", Ct);
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var text = string.Join("|", rows.SelectMany(r => r.Values).Select(v => v?.ToString()));

        Assert.Contains(ContactsSite.ActivistName, text);
        Assert.Contains(ContactsSite.YoungName, text);
        Assert.DoesNotContain(ContactsSite.HardshipName, text);
        Assert.DoesNotContain(ContactsSite.AssistanceName, text);
    }

    [Fact]
    public async Task SpreadsheetExport_OfMember1_HasOnlyTheirOwnContacts()
    {
        var client = await site.SignInAsync("member1");

        var bytes = await client.GetByteArrayAsync("/admin/contacts/export", Ct);
        var text = string.Join("|", MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString()));

        Assert.Contains(ContactsSite.ActivistName, text);
        Assert.DoesNotContain(ContactsSite.YoungName, text);
        Assert.DoesNotContain(ContactsSite.AssistanceName, text);
    }

    [Fact]
    public async Task SpreadsheetExport_OfTheCommittee_HasSensitiveRows_AndLogsThem()
    {
        var client = await site.SignInAsync("committee1");

        var bytes = await client.GetByteArrayAsync("/admin/contacts/export?category=2", Ct);
        var text = string.Join("|", MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString()));

        Assert.Contains(ContactsSite.HardshipName, text);
        Assert.True(await site.AccessRowsAsync(site.Member1Hardship, AccessActions.Export, "committee1") >= 1);
    }

    private static ClaimsPrincipal User(string name, string role)
        => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    private static async Task<IReadOnlyList<ContentItem>> AllContactsAsync(AsyncServiceScope scope)
        => await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.AsNoTracking()
            .Where(c => c.ContentType == "Contact" && c.Published).ToListAsync(Ct);
}
