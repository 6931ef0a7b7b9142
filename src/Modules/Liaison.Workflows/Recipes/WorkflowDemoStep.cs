using System.Text.Json;
using Liaison.Workflows.Data;
using Liaison.Workflows.Inbox;
using LiaisonSite.Core.Data;
using LiaisonSite.Core.Events;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Liaison.Workflows.Recipes;

/// <summary>A decision the demo makes on an item's review task, as the named user would in the inbox.</summary>
public sealed record WorkflowDemoDecision(string ContentItemId, string User, string Action, string? Comment);

/// <summary>
/// The demo's decisions, delivered after the recipe commits: by then the items' own content events (queued before it)
/// have started their reviews, so each decision goes through the task inbox like a person's.
/// </summary>
[DomainEvent("Workflows.DemoDecisions")]
public sealed record WorkflowDemoDecisions(IReadOnlyList<WorkflowDemoDecision> Decisions) : IDomainEvent;

/// <summary>
/// Demo recipes only: <c>{"name": "WorkflowDemo", "Decisions": [{"ContentItemId", "User", "Action", "Comment"}],
/// "Signals": [{"Signal", "ContentItemId", "ContentType", "User"}]}</c>. Nothing is written by hand: signals are the
/// <see cref="Contracts.ContentSignalled"/> event, decisions go through <see cref="TaskInbox.DecideAsync"/> after commit.
/// </summary>
internal sealed class WorkflowDemoStep(LiaisonDbContext db, IStringLocalizer<WorkflowDemoStep> S) : IRecipeStepHandler
{
    public string Name => "WorkflowDemo";

    public Task ExecuteAsync(RecipeStepContext context)
    {
        try
        {
            var decisions = context.Step.GetArray("Decisions").Select(d => d.Deserialize<WorkflowDemoDecision>(Definitions.WorkflowTypeDefinition.Json)!).ToList();
            if (decisions.Any(d => string.IsNullOrWhiteSpace(d.ContentItemId) || string.IsNullOrWhiteSpace(d.User) || string.IsNullOrWhiteSpace(d.Action)))
            {
                throw new RecipeException(S["Step {0} (WorkflowDemo): every decision needs a ContentItemId, a User and an Action.", context.StepIndex]);
            }

            if (decisions.Count > 0)
            {
                db.Raise(new WorkflowDemoDecisions(decisions));
            }

            foreach (var signal in context.Step.GetArray("Signals").OfType<System.Text.Json.Nodes.JsonObject>())
            {
                db.Raise(new Contracts.ContentSignalled(
                    signal.GetString("Signal") ?? throw new RecipeException(S["Step {0} (WorkflowDemo): a signal needs a Signal.", context.StepIndex]),
                    signal.GetString("ContentItemId") ?? "", signal.GetString("ContentType") ?? "", signal.GetString("User")));
            }
        }
        catch (JsonException e)
        {
            throw new RecipeException(S["Step {0} (WorkflowDemo): {1}", context.StepIndex, e.Message]);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Makes the demo's decisions through the inbox, as each user; a task not open yet makes the event retry later.</summary>
internal sealed class WorkflowDemoDecider(
    LiaisonDbContext db, TaskInbox inbox, UserManager<LiaisonUser> users, IUserClaimsPrincipalFactory<LiaisonUser> principals)
    : IDomainEventHandler<WorkflowDemoDecisions>
{
    public async Task HandleAsync(WorkflowDemoDecisions e, DomainEventContext context, CancellationToken cancellationToken)
    {
        foreach (var decision in e.Decisions)
        {
            var tasks = db.Set<WorkflowTask>().AsNoTracking().Where(t => t.ContentItemId == decision.ContentItemId);
            if (await tasks.AnyAsync(t => t.Status == WorkflowTaskStatus.Decided && t.Outcome == decision.Action, cancellationToken))
            {
                continue;
            }

            var task = await tasks.Where(t => t.Status == WorkflowTaskStatus.Open).OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"No open review task on {decision.ContentItemId} yet.");
            var user = await users.FindByNameAsync(decision.User) ?? throw new InvalidOperationException($"No user {decision.User}.");
            var result = await inbox.DecideAsync(await principals.CreateAsync(user), task.Id, decision.Action, decision.Comment, cancellationToken);
            if (result != DecisionResult.Decided)
            {
                throw new InvalidOperationException($"The demo decision on {decision.ContentItemId} by {decision.User} was not taken: {result}.");
            }
        }
    }
}
