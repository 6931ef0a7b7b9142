using System.Text.Json.Nodes;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using Liaison.Workflows.Engine;
using LiaisonSite.Core.Data;
using LiaisonSite.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LiaisonSite.Tests.Modules.Workflows.WorkflowTestSupport;

namespace LiaisonSite.Tests.Modules.Workflows;

/// <summary>The engine on a real site: named outcomes, correlation, waiting and resuming, script limits, faults and retry, double resumes.</summary>
public sealed class WorkflowEngineTests(PlainSiteFactory site) : IClassFixture<PlainSiteFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // start (signal) → if/else on the input → True: property "branch" = yes / False: = no
    private static WorkflowTypeDefinition Branching(string id, string signal, string condition) => Type(id,
        [
            Activity("start", "SignalEvent", Signal(signal), start: true),
            Activity("if", "IfElseTask", new JsonObject { ["Condition"] = new JsonObject { ["Expression"] = condition } }, x: 200),
            Activity("yes", "SetPropertyTask", new JsonObject { ["PropertyName"] = "branch", ["Value"] = new JsonObject { ["Expression"] = "yes {{ Workflow.CorrelationId }}" } }, x: 400),
            Activity("no", "SetPropertyTask", new JsonObject { ["PropertyName"] = "branch", ["Value"] = new JsonObject { ["Expression"] = "no" } }, x: 400, y: 100),
        ],
        [Transition("start", "Done", "if"), Transition("if", "True", "yes"), Transition("if", "False", "no")]);

    // start (signal) → wait for a second signal → log
    private static WorkflowTypeDefinition Waiting(string id, string start, string resume) => Type(id,
        [
            Activity("start", "SignalEvent", Signal(start), start: true),
            Activity("wait", "SignalEvent", Signal(resume), x: 200),
            Activity("log", "LogTask", new JsonObject { ["Text"] = new JsonObject { ["Expression"] = "resumed {{ Workflow.CorrelationId }}" } }, x: 400),
        ],
        [Transition("start", "Done", "wait"), Transition("wait", "Done", "log")]);

    [Fact]
    public async Task TheSetupRecipe_BringsTheReviewAndTheReportWorkflows_EnabledAndValid()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var types = await scope.ServiceProvider.GetRequiredService<WorkflowManager>().EnabledTypesAsync(Ct);
        var validator = scope.ServiceProvider.GetRequiredService<WorkflowTypeValidator>();

        var review = types["editorial-review"];
        var decision = review.Activities.Single(a => a.Name == "UserTaskEvent");
        Assert.Equal(["通过", "退回"], decision.List("Actions"));
        Assert.Equal(["CommitteeAdmin", "BranchSecretary"], decision.List("Roles"));
        Assert.Equal("待审核", decision.Title);
        Assert.Empty(validator.Validate(review));
        Assert.Empty(validator.Validate(types["quarterly-report-review"]));
    }

    [Fact]
    public async Task Transitions_FollowTheNamedOutcomeOfEachActivity()
    {
        var id = NewId("branching");
        await SaveTypeAsync(site.Services, Branching(id, id, "input('n') == '1'"));

        await TriggerAsync(site.Services, SignalEvent(id, "c-yes", new() { ["n"] = "1" }));
        await TriggerAsync(site.Services, SignalEvent(id, "c-no", new() { ["n"] = "2" }));

        var instances = await InstancesAsync(site.Services, id);
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal(WorkflowStatus.Finished, i.Status));
        Assert.Equal("yes c-yes", Property(instances.Single(i => i.CorrelationId == "c-yes"), "branch"));
        Assert.Equal("no", Property(instances.Single(i => i.CorrelationId == "c-no"), "branch"));
        var journal = await JournalAsync(site.Services, instances.Single(i => i.CorrelationId == "c-yes").Id);
        Assert.Equal(["start:Done", "if:True", "yes:Done"], journal.Select(j => $"{j.ActivityId}:{j.Outcome}"));
    }

    [Fact]
    public async Task AnEvent_ResumesOnlyTheInstanceWithItsCorrelation_AndAStartedOneIsNotStartedTwice()
    {
        var id = NewId("waiting");
        await SaveTypeAsync(site.Services, Waiting(id, id + "-start", id + "-resume"));
        await TriggerAsync(site.Services, SignalEvent(id + "-start", "item-a"));
        await TriggerAsync(site.Services, SignalEvent(id + "-start", "item-b"));
        await TriggerAsync(site.Services, SignalEvent(id + "-start", "item-a")); // item a has an unfinished instance

        await TriggerAsync(site.Services, SignalEvent(id + "-resume", "item-a"));

        var instances = await InstancesAsync(site.Services, id);
        Assert.Equal(2, instances.Count);
        var a = instances.Single(i => i.CorrelationId == "item-a");
        var b = instances.Single(i => i.CorrelationId == "item-b");
        Assert.Equal(WorkflowStatus.Finished, a.Status);
        Assert.Equal(WorkflowStatus.Halted, b.Status);
        Assert.Equal(["wait"], WorkflowManager.Blocking(b));
        Assert.Contains(await JournalAsync(site.Services, a.Id), j => j.ActivityId == "log" && j.Comment == "resumed item-a");
    }

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("var a = []; while (true) { a.push('0123456789abcdef0123456789abcdef'); }")]
    [InlineData("function f() { return f(); } f()")]
    [InlineData("this is not javascript")]
    public async Task ARunawayOrBrokenScript_FaultsItsInstance_NotTheSite(string script)
    {
        var id = NewId("runaway");
        await SaveTypeAsync(site.Services, Branching(id, id, script));

        await TriggerAsync(site.Services, SignalEvent(id, "c"));

        var instance = Assert.Single(await InstancesAsync(site.Services, id));
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal("if", instance.FaultedActivityId);
        Assert.StartsWith("Script:", instance.FaultMessage);
        Assert.Contains(await JournalAsync(site.Services, instance.Id), j => j.ActivityId == "if" && j.Outcome == "Faulted");

        // The site goes on: another workflow runs right after.
        var other = NewId("after");
        await SaveTypeAsync(site.Services, Branching(other, other, "true"));
        await TriggerAsync(site.Services, SignalEvent(other, "c"));
        Assert.Equal(WorkflowStatus.Finished, Assert.Single(await InstancesAsync(site.Services, other)).Status);
    }

    [Fact]
    public async Task AFaultedInstance_ShowsItsError_AndRunsAgainFromTheFailedActivity_OnRetry()
    {
        var id = NewId("retry");
        await SaveTypeAsync(site.Services, Branching(id, id, "property('missing').length > 0"));
        await TriggerAsync(site.Services, SignalEvent(id, "c"));
        var faulted = Assert.Single(await InstancesAsync(site.Services, id));
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);

        var admin = await site.SignInAsync(SiteFactory.AdminUserName);
        var page = await admin.GetStringAsync($"/admin/workflows/instances/{faulted.Id}", Ct);
        Assert.Contains("Script:", page);

        await SaveTypeAsync(site.Services, Branching(id, id, "true")); // the administrator fixes the condition
        var response = await SiteFactory.PostFormAsync(admin, $"/admin/workflows/instances/{faulted.Id}", $"/admin/workflows/instances/{faulted.Id}/retry", []);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var retried = Assert.Single(await InstancesAsync(site.Services, id));
        Assert.Equal(WorkflowStatus.Finished, retried.Status);
        Assert.Null(retried.FaultMessage);
        Assert.StartsWith("yes", Property(retried, "branch"));
    }

    [Fact]
    public async Task TwoResumesOfTheSameState_OnlyOneIsSaved()
    {
        var id = NewId("race");
        await SaveTypeAsync(site.Services, Waiting(id, id + "-start", id + "-resume"));
        await TriggerAsync(site.Services, SignalEvent(id + "-start", "item"));

        // Two units of work (two requests, two nodes) both read the waiting instance, then both resume it.
        await using var first = site.Services.CreateAsyncScope();
        await using var second = site.Services.CreateAsyncScope();
        await first.ServiceProvider.GetRequiredService<WorkflowManager>().TriggerAsync(SignalEvent(id + "-resume", "item"), Ct);
        await second.ServiceProvider.GetRequiredService<WorkflowManager>().TriggerAsync(SignalEvent(id + "-resume", "item"), Ct);
        await first.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct));
        var instance = Assert.Single(await InstancesAsync(site.Services, id));
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Single(await JournalAsync(site.Services, instance.Id), j => j.ActivityId == "log");
    }

    [Fact]
    public async Task Validation_ReportsUnreachableActivities_DanglingOutcomes_AndMissingActivities()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<WorkflowTypeValidator>();
        var type = Type("check",
            [
                Activity("start", "SignalEvent", Signal("x"), start: true),
                Activity("if", "IfElseTask", new JsonObject { ["Condition"] = "true" }),
                Activity("alone", "LogTask"),
                Activity("odd", "SendFaxTask"),
            ],
            [Transition("start", "Done", "if"), Transition("if", "Maybe", "odd")]);

        var problems = validator.Validate(type);

        Assert.Contains(problems, p => p.Kind == WorkflowTypeValidator.Unreachable && p.ActivityId == "alone");
        Assert.Contains(problems, p => p.Kind == WorkflowTypeValidator.DanglingOutcome && p.ActivityId == "if" && p.Detail == "Maybe");
        Assert.Contains(problems, p => p.Kind == WorkflowTypeValidator.MissingActivity && p.Detail == "SendFaxTask");
        Assert.DoesNotContain(problems, p => p.ActivityId == "start");
        Assert.Empty(validator.Validate(Branching("ok", "ok", "true")));
    }
}
