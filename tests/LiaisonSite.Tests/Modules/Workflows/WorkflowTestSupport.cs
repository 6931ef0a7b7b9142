using System.Text.Json.Nodes;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using Liaison.Workflows.Engine;
using LiaisonSite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiaisonSite.Tests.Modules.Workflows;

/// <summary>Builds workflow types and drives the engine of a real site (its database, its services).</summary>
internal static class WorkflowTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public static ActivityRecord Activity(string id, string name, JsonObject? properties = null, bool start = false, int x = 0, int y = 0)
        => new() { ActivityId = id, Name = name, IsStart = start, X = x, Y = y, Properties = properties ?? [] };

    public static TransitionRecord Transition(string from, string outcome, string to)
        => new() { SourceActivityId = from, SourceOutcomeName = outcome, DestinationActivityId = to };

    public static WorkflowTypeDefinition Type(string id, IEnumerable<ActivityRecord> activities, IEnumerable<TransitionRecord> transitions)
        => new() { WorkflowTypeId = id, Name = id, IsEnabled = true, Activities = [.. activities], Transitions = [.. transitions] };

    public static JsonObject Signal(string name) => new() { ["Signal"] = name };

    public static async Task SaveTypeAsync(IServiceProvider services, WorkflowTypeDefinition type)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().SaveAsync(type, Ct);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
    }

    public static WorkflowEvent SignalEvent(string signal, string? correlation, Dictionary<string, string?>? input = null)
    {
        var values = input ?? [];
        values["Signal"] = signal;
        return new WorkflowEvent(Liaison.Workflows.Activities.SignalEvent.ActivityName, correlation, values, "tester");
    }

    /// <summary>Triggers the event in its own unit of work and saves, as the event dispatcher does.</summary>
    public static async Task TriggerAsync(IServiceProvider services, WorkflowEvent workflowEvent)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowManager>().TriggerAsync(workflowEvent, Ct);
        await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().SaveChangesAsync(Ct);
    }

    public static async Task<List<WorkflowInstance>> InstancesAsync(IServiceProvider services, string typeId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowInstance>().AsNoTracking()
            .Where(i => i.WorkflowTypeId == typeId).OrderBy(i => i.Id).ToListAsync(Ct);
    }

    public static async Task<List<WorkflowJournalEntry>> JournalAsync(IServiceProvider services, long instanceId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Set<WorkflowJournalEntry>().AsNoTracking()
            .Where(j => j.WorkflowInstanceId == instanceId).OrderBy(j => j.Id).ToListAsync(Ct);
    }

    public static string? Property(WorkflowInstance instance, string name)
        => (JsonNode.Parse(instance.State) as JsonObject)?[name]?.GetValue<string>();
}
