using System.Text.Json.Nodes;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using Liaison.Workflows.Upgrades;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Upgrades;
using LiaisonSite.Tests.Core.Upgrades;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Workflows;

/// <summary>A site set up before the Workflows module gets its workflow types at the next start; an edited type stays as it is.</summary>
public sealed class WorkflowUpgradeTests
{
    private const string Workflows = "Liaison.Workflows";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASiteWithoutWorkflowTypes_GetsTheReviewAndReportTypes_AtTheNextStart()
    {
        await using var before = new PlainSiteFactory();
        var database = Path.Combine(before.AppData, "liaison.db");
        await using (var scope = before.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            await db.Set<WorkflowTypeRecord>().ExecuteDeleteAsync(Ct);
            await db.Set<ModuleUpgrade>().Where(u => u.Module == Workflows).ExecuteDeleteAsync(Ct);
        }

        await using var after = new RestartedSiteFactory(database);
        await using var check = after.Services.CreateAsyncScope();
        var store = check.ServiceProvider.GetRequiredService<WorkflowTypeStore>();
        foreach (var expected in await AddWorkflowTypes.TypesAsync(Ct))
        {
            var type = await store.GetAsync(expected["WorkflowTypeId"]!.GetValue<string>(), Ct);
            Assert.NotNull(type);
            Assert.True(type.IsEnabled);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(type.ToJson())), type.WorkflowTypeId);
        }

        Assert.NotNull(await store.GetAsync("editorial-review", Ct));
        Assert.NotNull(await store.GetAsync("quarterly-report-review", Ct));
        var steps = await check.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<ModuleUpgrade>().AsNoTracking()
            .Where(u => u.Module == Workflows).OrderBy(u => u.Number).Select(u => u.Number).ToListAsync(Ct);
        Assert.Equal([1, 2], steps);
    }

    [Fact]
    public async Task AnEditedType_IsLeftAsTheAdministratorMadeIt()
    {
        await using var before = new PlainSiteFactory();
        var database = Path.Combine(before.AppData, "liaison.db");
        await using (var scope = before.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>();
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
            var review = (await store.GetAsync("editorial-review", Ct))!;
            review.Name = "内容审核（本校修改版）";
            review.IsEnabled = false;
            review.Activities.Single(a => a.ActivityId == "review-decision").Properties["Roles"] = new JsonArray("CommitteeAdmin");
            await store.SaveAsync(review, Ct);
            await db.SaveChangesAsync(Ct);
            await db.Set<ModuleUpgrade>().Where(u => u.Module == Workflows && u.Number == 2).ExecuteDeleteAsync(Ct);
        }

        await using var after = new RestartedSiteFactory(database);
        await using var check = after.Services.CreateAsyncScope();
        var kept = (await check.ServiceProvider.GetRequiredService<WorkflowTypeStore>().GetAsync("editorial-review", Ct))!;
        Assert.Equal("内容审核（本校修改版）", kept.Name);
        Assert.False(kept.IsEnabled);
        Assert.Equal(["CommitteeAdmin"], kept.Activities.Single(a => a.ActivityId == "review-decision").List("Roles"));
        Assert.True(await check.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<ModuleUpgrade>()
            .AnyAsync(u => u.Module == Workflows && u.Number == 2, Ct));
    }
}
