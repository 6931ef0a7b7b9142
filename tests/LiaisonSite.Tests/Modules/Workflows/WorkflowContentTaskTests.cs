using System.Text.Json.Nodes;
using Liaison.Workflows.Activities;
using Liaison.Workflows.Data;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LiaisonSite.Tests.Modules.Workflows.WorkflowTestSupport;

namespace LiaisonSite.Tests.Modules.Workflows;

/// <summary>CreateContentTask and SetContentFieldTask on a real site, through the content manager and its validation.</summary>
public sealed class WorkflowContentTaskTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateContent_MakesADraftFromTheTemplate_AndSetField_ChangesTheCorrelatedItem()
    {
        var id = NewId("content-tasks");
        var signal = NewId("make");
        var title = "工作流创建 " + id;
        await SaveTypeAsync(site.Services, Type(id,
            [
                Activity("start", "SignalEvent", Signal(signal), start: true),
                Activity("create", "CreateContentTask", new JsonObject
                {
                    ["ContentType"] = "Page",
                    ["ContentProperties"] = "{\"TitlePart\": {\"Title\": \"" + title + "\"}}",
                }, x: 200),
            ],
            [Transition("start", "Done", "create")]));

        await TriggerAsync(site.Services, SignalEvent(signal, null));

        var instance = Assert.Single(await InstancesAsync(site.Services, id));
        Assert.True(instance.Status == WorkflowStatus.Finished, instance.FaultMessage);
        var createdId = JsonNode.Parse(instance.State)![CreateContentTask.CreatedProperty]!.GetValue<string>();
        var created = await LatestAsync(createdId);
        Assert.Equal("Page", created.ContentType);
        Assert.Equal(title, created.DisplayText);
        Assert.False(created.Published);

        // A second workflow, correlated with that page, sets a field of it (the page's title, a part property here).
        var setId = NewId("set-field");
        var setSignal = NewId("set");
        await SaveTypeAsync(site.Services, Type(setId,
            [
                Activity("start", "SignalEvent", Signal(setSignal), start: true),
                Activity("set", "SetContentFieldTask", new JsonObject
                {
                    ["PartName"] = "TitlePart", ["FieldName"] = "Meta", ["Property"] = "Note", ["Value"] = "改于 {{ ContentItem.DisplayText }}",
                }, x: 200),
            ],
            [Transition("start", "Done", "set")]));

        await TriggerAsync(site.Services, SignalEvent(setSignal, createdId));

        var set = Assert.Single(await InstancesAsync(site.Services, setId));
        Assert.True(set.Status == WorkflowStatus.Finished, set.FaultMessage);
        var changed = await LatestAsync(createdId);
        Assert.Equal("改于 " + title, changed.Content["TitlePart"]!["Meta"]!["Note"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateContent_OfAnUnknownTypeOrBadJson_FaultsTheInstance_NotTheSite()
    {
        var id = NewId("bad-create");
        var signal = NewId("bad");
        await SaveTypeAsync(site.Services, Type(id,
            [
                Activity("start", "SignalEvent", Signal(signal), start: true),
                Activity("create", "CreateContentTask", new JsonObject { ["ContentType"] = "Page", ["ContentProperties"] = "{not json" }, x: 200),
            ],
            [Transition("start", "Done", "create")]));

        await TriggerAsync(site.Services, SignalEvent(signal, null));

        var instance = Assert.Single(await InstancesAsync(site.Services, id));
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("ContentProperties", instance.FaultMessage);
        Assert.Equal("create", instance.FaultedActivityId);
    }

    private async Task<ContentItem> LatestAsync(string contentItemId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().ContentItems.AsNoTracking()
            .SingleAsync(c => c.ContentItemId == contentItemId && c.Latest, Ct);
    }
}
