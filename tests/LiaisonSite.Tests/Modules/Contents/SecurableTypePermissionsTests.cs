using System.Net;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LiaisonSite.Tests.Modules.Contents.ContentsHttp;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>
/// Issue 16 item 3: "Securable" is Orchard's — the type gets its own permissions (Contents.Edit.Minutes for Orchard's
/// EditContent_Minutes …), which the site-wide ones imply — and whether its items are public is the Anonymous role's view
/// permission. Through the real pipeline: a recipe in Orchard's shape, sign-in, the editor, the public pages, the roles page.
/// </summary>
public sealed class SecurableTypePermissionsTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    private const string Recipe = """
        {"name": "securable-types", "steps": [
          {"name": "ContentDefinition", "ContentTypes": [
            {"Name": "Minutes", "DisplayName": "会议纪要", "Settings": {"ContentTypeSettings": {"Creatable": true, "Listable": true, "Draftable": true, "Securable": true}},
             "ContentTypePartDefinitionRecords": [{"PartName": "TitlePart", "Name": "TitlePart"},
               {"PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": {"AutoroutePartSettings": {"AllowCustomPath": true}}}]},
            {"Name": "Memo", "DisplayName": "备忘", "Settings": {"ContentTypeSettings": {"Creatable": true, "Listable": true, "Draftable": true, "Securable": true}},
             "ContentTypePartDefinitionRecords": [{"PartName": "TitlePart", "Name": "TitlePart"},
               {"PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": {"AutoroutePartSettings": {"AllowCustomPath": true}}}]}]},
          {"name": "Roles", "Roles": [{"Name": "MinutesClerk", "Description": "纪要员",
            "Permissions": ["AccessAdminPanel", "EditOwnContent", "EditContent_Minutes", "CloneContent_Minutes", "EditContent_Nowhere"]}]},
          {"name": "Users", "Users": [{"UserName": "clerk1", "Email": "clerk1@example.edu.cn", "Password": "Clerk-pass-2026", "Roles": ["MinutesClerk"]}]},
          {"name": "Content", "data": [
            {"ContentItemId": "minutes-open", "ContentType": "Minutes", "DisplayText": "三月支委会纪要", "Owner": "admin", "Latest": true, "Published": true,
             "TitlePart": {"Title": "三月支委会纪要"}, "AutoroutePart": {"Path": "minutes/march"}},
            {"ContentItemId": "minutes-closed", "ContentType": "Minutes", "DisplayText": "四月支委会纪要", "Owner": "admin", "Latest": true, "Published": true,
             "TitlePart": {"Title": "四月支委会纪要"}, "AutoroutePart": {"Path": "minutes/april"}},
            {"ContentItemId": "memo-1", "ContentType": "Memo", "DisplayText": "内部备忘", "Owner": "admin", "Latest": true, "Published": true,
             "TitlePart": {"Title": "内部备忘"}, "AutoroutePart": {"Path": "memos/one"}}]}]}
        """;

    // One site for the class (its fixture), set up once by whichever test comes first.
    private static readonly SemaphoreSlim s_setUp = new(1, 1);
    private static RecipeResult? s_result;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheTypesOwnEditPermission_OpensEveryItemOfThatType_AndNoOtherSecurableType()
    {
        await SetUpAsync();
        var clerk = await site.SignInAsync("clerk1", "Clerk-pass-2026");

        // Contents.Edit.Minutes: someone else's minutes, but not someone else's memo (Memo is Securable too).
        var minutes = await GetAsync(clerk, "/admin/contents/minutes-open/edit");
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(clerk, "/admin/contents/memo-1/edit")).StatusCode);

        // The admin list shows the type's items whoever owns them, and not the memo.
        var list = await GetTextAsync(clerk, "/admin/contents?type=Minutes");
        Assert.Contains("三月支委会纪要", list, StringComparison.Ordinal);
        Assert.Contains("四月支委会纪要", list, StringComparison.Ordinal);
        Assert.DoesNotContain("内部备忘", await GetTextAsync(clerk, "/admin/contents"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrchardsPerTypeNames_InTheRolesStep_AreTheTypesPermissions_TheOthersReported()
    {
        var result = await SetUpAsync();

        Assert.Equal(["Admin.Access", "Contents.Edit.Minutes", "Contents.EditOwn"], (await GrantsAsync("MinutesClerk")).Order(StringComparer.Ordinal));
        var dropped = result.Report.Notes.Where(n => n.Kind == RecipeNoteKind.Dropped).Select(n => n.Message).ToList();
        Assert.Contains(dropped, m => m.Contains("CloneContent_Minutes", StringComparison.Ordinal));
        Assert.Contains(dropped, m => m.Contains("EditContent_Nowhere", StringComparison.Ordinal) && m.Contains("Nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicPages_OfASecurableType_FollowAnonymousViewPermissions()
    {
        await SetUpAsync();
        var anonymous = site.CreateBrowserClient();

        // A new site's Anonymous holds Orchard's ViewContent (Contents.View and Contents.ViewSecurable): public.
        var open = await GetAsync(anonymous, "/minutes/march");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("三月支委会纪要", await open.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Without ViewSecurable, only the Securable types whose own view permission Anonymous holds are public.
        await AnonymousGrants.MakeSecurableTypesPrivateAsync(site);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, "/minutes/april")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, "/memos/one")).StatusCode);

        await RunAsync("""{"name": "t", "steps": [{"name": "Roles", "Roles": [{"Name": "Anonymous", "Permissions": ["Contents.View", "ViewContent_Minutes"]}]}]}""");
        Assert.Contains("Contents.View.Minutes", await GrantsAsync(RoleNames.Anonymous));
        var granted = await GetAsync(anonymous, "/minutes/april");
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Contains("四月支委会纪要", await granted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, "/memos/one")).StatusCode);
    }

    [Fact]
    public async Task RolesPage_ListsEachSecurableTypesPermissions_InChinese()
    {
        await SetUpAsync();
        var admin = await site.SignInAsync(SiteFactory.AdminUserName, SiteFactory.AdminPassword);

        var page = await GetTextAsync(admin, "/admin/roles/MinutesClerk/edit");

        Assert.Contains("内容类型：会议纪要", page, StringComparison.Ordinal);
        Assert.Contains("编辑全部会议纪要", page, StringComparison.Ordinal);
        Assert.Contains("查看已发布的备忘", page, StringComparison.Ordinal);
        Assert.Matches("value=\"Contents\\.Edit\\.Minutes\"[^>]*checked", page);
        Assert.DoesNotMatch("value=\"Contents\\.Edit\\.Memo\"[^>]*checked", page);
    }

    private async Task<RecipeResult> SetUpAsync()
    {
        await s_setUp.WaitAsync(Ct);
        try
        {
            return s_result ??= await RunAsync(Recipe);
        }
        finally
        {
            s_setUp.Release();
        }
    }

    private async Task<RecipeResult> RunAsync(string recipe)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, cancellationToken: Ct);
        await site.SettleEventsAsync();
        return result;
    }

    private async Task<List<string>> GrantsAsync(string role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var document = await scope.ServiceProvider.GetRequiredService<IDocumentStore>().GetAsync<RolePermissionsDocument>(RolePermissionsDocument.DocumentKey);
        return document.Roles[role];
    }
}
