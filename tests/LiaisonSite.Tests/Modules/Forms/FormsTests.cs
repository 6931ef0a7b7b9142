using System.Net;
using System.Text.Json.Nodes;
using Liaison.Workflows.Activities;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Tests.Infrastructure;
using LiaisonSite.Tests.Modules.Workflows;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Forms;

/// <summary>The demo site with public forms limited to three posts per window per client.</summary>
public sealed class FormsSite : SiteFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Liaison:Forms:SubmissionsPerWindow"] = "3",
    };

    // Each test posts from its own client address, so the per-client limit counts only its own posts.
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClientAddress.AddTo(builder);
    }
}

/// <summary>
/// A type composed of fields becomes a form through /admin/forms/{type}/settings (no code); members fill it in at
/// /admin/forms/{type}, everyone at /forms/{type} when it is public; a submission is a draft owned by the submitter in
/// their branch and starts the workflows waiting for "form submitted". Each test makes its own type.
/// </summary>
public sealed class FormsTests(FormsSite site) : IClassFixture<FormsSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMemberSubmits_TheDraftIsTheirs_InTheirBranch_AndStartsTheWorkflow()
    {
        var type = await NewFormTypeAsync(isPublic: false, role: "Member");
        var workflow = WorkflowTestSupport.NewId("form-wf");
        await WorkflowTestSupport.SaveTypeAsync(site.Services, WorkflowTestSupport.Type(workflow,
            [
                WorkflowTestSupport.Activity("start", ContentEventActivity.FormSubmitted, new JsonObject { ["ContentTypes"] = new JsonArray(type) }, start: true),
                WorkflowTestSupport.Activity("log", "LogTask", new JsonObject { ["Text"] = "收到" }),
            ],
            [WorkflowTestSupport.Transition("start", "Done", "log")]));
        var member = await site.SignInAsync("member1");

        var page = await member.GetAsync($"/admin/forms/{type}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("建议内容", await page.Content.ReadAsStringAsync(Ct));
        var response = await SiteFactory.PostFormAsync(member, $"/admin/forms/{type}", $"/admin/forms/{type}", new()
        {
            ["TitlePart.Title"] = "图书馆延长开放时间", [$"{type}.Text.Text"] = "期末周希望图书馆开放到晚上十一点。",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = Assert.Single(await ItemsAsync(type));
        Assert.Equal("member1", item.Owner);
        Assert.False(item.Published);
        Assert.Equal("期末周希望图书馆开放到晚上十一点。", item.Content[type]!["Text"]!["Text"]!.GetValue<string>());
        Assert.Equal(await BranchOfAsync("member1"), item.Content[type]!["Branch"]!["ContentItemIds"]!.AsArray().Single()!.GetValue<string>());

        // "Form submitted" is delivered after commit; the instance correlated with the item appears shortly after.
        var started = false;
        for (var i = 0; i < 100 && !started; i++)
        {
            started = (await WorkflowTestSupport.InstancesAsync(site.Services, workflow)).Any(x => x.CorrelationId == item.ContentItemId);
            if (!started)
            {
                await Task.Delay(200, Ct);
            }
        }

        Assert.True(started, "no workflow instance started on the form submission");
    }

    [Fact]
    public async Task ARoleTheFormIsNotFor_IsRefused_AndATypeThatIsNoFormIsNotFound()
    {
        var type = await NewFormTypeAsync(isPublic: false, role: "Member");
        var editor = await site.SignInAsync("editor1");

        Assert.True(IsRefusal(await editor.GetAsync($"/admin/forms/{type}", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/forms/TypicalExample", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateBrowserClient().GetAsync($"/forms/{type}", Ct)).StatusCode);
        Assert.Empty(await ItemsAsync(type));
    }

    [Fact]
    public async Task AnInvalidSubmission_KeepsWhatWasTyped_ShowsTheErrorInChinese_AndSavesNothing()
    {
        var type = await NewFormTypeAsync(isPublic: true, role: "Member");
        var anonymous = ClientAddress.Client(site, "203.0.113.78");

        var response = await SiteFactory.PostFormAsync(anonymous, $"/forms/{type}", $"/forms/{type}", new()
        {
            ["TitlePart.Title"] = "只有标题", [$"{type}.Text.Text"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("未提交", html);
        Assert.Contains("只有标题", html);
        Assert.Empty(await ItemsAsync(type));
    }

    [Fact]
    public async Task APublicForm_TakesAnonymousSubmissions_UpToTheRateLimit()
    {
        var type = await NewFormTypeAsync(isPublic: true, role: "Member");
        var anonymous = ClientAddress.Client(site, "203.0.113.77");
        var statuses = new List<HttpStatusCode>();
        string last = "";
        for (var i = 0; i < 4; i++)
        {
            var response = await SiteFactory.PostFormAsync(anonymous, $"/forms/{type}", $"/forms/{type}", new()
            {
                ["TitlePart.Title"] = $"第{i + 1}条", [$"{type}.Text.Text"] = "希望增加自习室座位。",
            });
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync(Ct);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("次数过多", last);
        var items = await ItemsAsync(type);
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal("", i.Owner));
        Assert.All(items, i => Assert.False(i.Published));
    }

    [Fact]
    public async Task OnlyTheAdministrator_MakesATypeAForm()
    {
        var type = await NewFormTypeAsync(isPublic: false, role: null);
        var committee = await site.SignInAsync("committee1");

        var refused = await committee.GetAsync($"/admin/forms/{type}/settings", Ct);

        Assert.True(IsRefusal(refused), $"committee1 got {(int)refused.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync($"/admin/forms/{type}", Ct)).StatusCode);
    }

    /// <summary>
    /// A new type of fields (title, a required text, the branch picker) made a form by the administrator through the
    /// settings page; <paramref name="role"/> null leaves it no form at all.
    /// </summary>
    private async Task<string> NewFormTypeAsync(bool isPublic, string? role)
    {
        var type = "Suggestion" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync("""
                {"name": "form-type", "steps": [{"name": "ContentDefinition",
                  "ContentTypes": [{"Name": "TYPE", "DisplayName": "建议SHORT",
                    "Settings": {"ContentTypeSettings": {"Creatable": true, "Listable": true, "Draftable": true}},
                    "ContentTypePartDefinitionRecords": [{"PartName": "TitlePart", "Name": "TitlePart"}, {"PartName": "TYPE", "Name": "TYPE"}]}],
                  "ContentParts": [{"Name": "TYPE", "ContentPartFieldDefinitionRecords": [
                    {"FieldName": "TextField", "Name": "Text", "Settings": {"ContentPartFieldSettings": {"DisplayName": "建议内容"}, "TextFieldSettings": {"Required": true}}},
                    {"FieldName": "ContentPickerField", "Name": "Branch", "Settings": {"ContentPartFieldSettings": {"DisplayName": "支部"}, "ContentPickerFieldSettings": {"DisplayedContentTypes": ["PartyBranch"]}}}]}]}]}
                """.Replace("TYPE", type, StringComparison.Ordinal).Replace("SHORT", type[^8..], StringComparison.Ordinal), cancellationToken: Ct);
        }

        if (role is not null)
        {
            var admin = await site.SignInAsync(SiteFactory.AdminUserName);
            var fields = new Dictionary<string, string> { ["isForm"] = "true", ["roles"] = role };
            if (isPublic)
            {
                fields["isPublic"] = "true";
            }

            var saved = await SiteFactory.PostFormAsync(admin, $"/admin/forms/{type}/settings", $"/admin/forms/{type}/settings", fields);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        return type;
    }

    /// <summary>403, or the admin's detour to the access-denied page.</summary>
    private static bool IsRefusal(HttpResponseMessage response)
        => response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains("/access-denied", StringComparison.OrdinalIgnoreCase) == true);

    private async Task<List<ContentItem>> ItemsAsync(string type)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.AsNoTracking()
            .Where(c => c.ContentType == type && c.Latest).ToListAsync(Ct);
    }

    private async Task<string> BranchOfAsync(string userName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var roster = scope.ServiceProvider.GetRequiredService<Liaison.Organization.Contracts.IRosterQueries>();
        return await roster.Members().Where(m => m.UserName == userName).Select(m => m.BranchId).SingleAsync(Ct);
    }
}
