using System.Net;
using System.Text.Json.Nodes;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using LiaisonSite.Tests.Modules.Users;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Workflows;

/// <summary>/admin/workflows: the Administrator's; the review workflow from the setup recipe as a diagram; Orchard's WorkflowType step imported.</summary>
public sealed class WorkflowsAdminTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("committee1")]
    [InlineData("secretary1")]
    [InlineData("editor1")]
    [InlineData("member1")]
    public async Task Workflows_ForEveryoneButTheAdministrator_AreRefused(string userName)
    {
        var client = await site.SignInAsync(userName);

        var response = await client.GetAsync("/admin/workflows/editorial-review", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location?.PathAndQuery());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/workflows", Ct)).StatusCode);
    }

    [Fact]
    public async Task SetupRecipe_HasTheReviewAndReportWorkflows_AndTheReviewIsDrawnAsADiagram()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var list = await admin.GetStringAsync("/admin/workflows", Ct);
        var diagram = await admin.GetStringAsync("/admin/workflows/editorial-review", Ct);

        Assert.Contains("内容审核（典型事例、支部动态）", list);
        Assert.Contains("季度汇报审批", list);
        Assert.Contains("<svg", diagram);
        Assert.Contains("data-workflow-diagram=\"editorial-review\"", diagram);
        foreach (var title in new[] { "提交审核", "待审核", "发布", "修改后重新提交" })
        {
            Assert.Contains($">{title}</text>", diagram);
        }

        Assert.Contains("data-source=\"review-decision\" data-outcome=\"退回\" data-destination=\"review-resubmitted\"", diagram);
        Assert.Contains(">退回</text>", diagram);
        Assert.DoesNotContain("data-problems", diagram);
    }

    [Fact]
    public async Task OrchardsComingSoonWorkflow_ImportsInTheSameShape_DisabledWithTheMissingActivitiesNamed()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Recipes", "orchard-comingsoon-workflow.recipe.json");
        var source = (JsonNode.Parse(await File.ReadAllTextAsync(path, Ct), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!
            ["steps"]![1]!["data"]![0]!).AsObject();
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);

        var response = await SiteFactory.PostFormAsync(admin, "/admin/workflows", "/admin/workflows/import",
            new() { ["recipe"] = await File.ReadAllTextAsync(path, Ct) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetStringAsync(response.Headers.Location!.OriginalString, Ct);
        foreach (var missing in new[] { "HttpRequestEvent", "BindModelStateTask", "ForkTask", "JoinTask", "RegisterUserTask", "HttpRedirectTask" })
        {
            Assert.Contains(missing, page);
        }

        Assert.Contains("本站没有", page);
        Assert.Contains("User Registration", page);

        await using var scope = site.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowTypeRecord>().AsNoTracking()
            .SingleAsync(t => t.Name == "User Registration", Ct);
        var stored = WorkflowTypeDefinition.FromJson(row.Definition);
        Assert.False(row.IsEnabled);
        Assert.DoesNotContain("[js:", row.WorkflowTypeId);
        var activityId = stored.Activities.Single(a => a.IsStart).ActivityId;
        Assert.DoesNotContain("[js:", activityId);

        // Same shape: every activity with its name, place and properties, every transition (the variables resolved).
        var sourceActivities = source["Activities"]!.AsArray();
        Assert.Equal(sourceActivities.Count, stored.Activities.Count);
        foreach (var (expected, actual) in sourceActivities.Zip(stored.Activities))
        {
            Assert.Equal(expected!["Name"]!.GetValue<string>(), actual.Name);
            Assert.Equal(expected["X"]!.GetValue<int>(), actual.X);
            Assert.Equal(expected["Y"]!.GetValue<int>(), actual.Y);
            Assert.True(JsonNode.DeepEquals(expected["Properties"], actual.Properties), actual.Name);
        }

        Assert.Equal(
            source["Transitions"]!.AsArray().Select(t => $"{Id(t!["SourceActivityId"]!)}/{t["SourceOutcomeName"]}/{t["DestinationActivityId"]}"),
            stored.Transitions.Select(t => $"{(t.SourceActivityId == activityId ? "start" : t.SourceActivityId)}/{t.SourceOutcomeName}/{t.DestinationActivityId}"));

        // Exported again, it is Orchard's step.
        var export = JsonNode.Parse(await admin.GetStringAsync($"/admin/workflows/{row.WorkflowTypeId}/export", Ct))!;
        var step = export["steps"]![0]!;
        Assert.Equal("WorkflowType", step["name"]!.GetValue<string>());
        Assert.Equal(stored.Activities.Count, step["data"]![0]!["Activities"]!.AsArray().Count);

        // It cannot be enabled while activities are missing.
        await SiteFactory.PostFormAsync(admin, "/admin/workflows", $"/admin/workflows/{row.WorkflowTypeId}/enable", []);
        await using var after = site.Services.CreateAsyncScope();
        Assert.False(await after.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowTypeRecord>()
            .Where(t => t.WorkflowTypeId == row.WorkflowTypeId).Select(t => t.IsEnabled).SingleAsync(Ct));

        static string Id(JsonNode id) => id.GetValue<string>().StartsWith("[js:", StringComparison.Ordinal) ? "start" : id.GetValue<string>();
    }

    [Fact]
    public async Task Import_OfBadJson_IsAClearError_AndChangesNothing()
    {
        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        int before;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowTypeRecord>().CountAsync(Ct);
        }

        var broken = await SiteFactory.PostFormAsync(admin, "/admin/workflows", "/admin/workflows/import", new() { ["recipe"] = "{ \"steps\": [ " });
        var noName = await SiteFactory.PostFormAsync(admin, "/admin/workflows", "/admin/workflows/import",
            new() { ["recipe"] = "{\"name\":\"WorkflowType\",\"data\":[{\"WorkflowTypeId\":\"x\",\"Activities\":[]}]}" });

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("配方不是有效的 JSON", await broken.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("工作流无效", await noName.Content.ReadAsStringAsync(Ct));
        await using var after = site.Services.CreateAsyncScope();
        Assert.Equal(before, await after.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowTypeRecord>().CountAsync(Ct));
    }
}
