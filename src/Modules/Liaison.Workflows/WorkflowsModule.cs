using Liaison.Workflows.Activities;
using Liaison.Workflows.Data;
using Liaison.Workflows.Definitions;
using Liaison.Workflows.Engine;
using Liaison.Workflows.Inbox;
using Liaison.Workflows.Recipes;
using Liaison.Workflows.Review;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Events;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Workflows;

/// <summary>
/// Workflows (Orchard's model): types of activities and transitions between named outcomes, instances started and
/// resumed by events, user tasks offered within the item's branch with a task inbox, the editorial review.
/// </summary>
public sealed class WorkflowsModule : LiaisonModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddDefaultGrantsUpgrade<Permissions>();
        services.AddUpgradeStep<Upgrades.AddWorkflowTypes>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();

        services.AddScoped<WorkflowActivity, ContentCreatedEvent>();
        services.AddScoped<WorkflowActivity, ContentUpdatedEvent>();
        services.AddScoped<WorkflowActivity, ContentPublishedEvent>();
        services.AddScoped<WorkflowActivity, ContentUnpublishedEvent>();
        services.AddScoped<WorkflowActivity, ContentDeletedEvent>();
        services.AddScoped<WorkflowActivity, ContentDraftSavedEvent>();
        services.AddScoped<WorkflowActivity, FormSubmittedEvent>();
        services.AddScoped<WorkflowActivity, SignalEvent>();
        services.AddScoped<TimerEvent>();
        services.AddScoped<WorkflowActivity>(sp => sp.GetRequiredService<TimerEvent>());
        services.AddScoped<WorkflowTimers>();
        services.AddBackgroundJob<WorkflowTimersJob>();
        services.AddScoped<WorkflowActivity, UserTaskEvent>();
        services.AddScoped<WorkflowActivity, PublishContentTask>();
        services.AddScoped<WorkflowActivity, UnpublishContentTask>();
        services.AddScoped<WorkflowActivity, NotifyUsersTask>();
        services.AddScoped<WorkflowActivity, SetPropertyTask>();
        services.AddScoped<WorkflowActivity, CreateContentTask>();
        services.AddScoped<WorkflowActivity, SetContentFieldTask>();
        services.AddScoped<WorkflowActivity, LogTask>();
        services.AddScoped<WorkflowActivity, IfElseTask>();
        services.AddScoped<ActivityRegistry>();
        services.AddScoped<WorkflowPublishScope>();
        services.AddScoped<WorkflowManager>();
        services.AddScoped<WorkflowTypeValidator>();
        services.AddScoped<WorkflowTypeStore>();
        services.AddScoped<IRecipeStepHandler, WorkflowTypeStep>();
        services.AddScoped<IRecipeStepExporter, WorkflowTypesExporter>();
        services.AddScoped<IRecipeStepHandler, WorkflowDemoStep>();
        services.AddDomainEventHandler<WorkflowDemoDecisions, WorkflowDemoDecider>();

        services.AddDomainEventHandler<ContentCreated, ContentWorkflowEvents>();
        services.AddDomainEventHandler<ContentUpdated, ContentWorkflowEvents>();
        services.AddDomainEventHandler<ContentPublished, ContentWorkflowEvents>();
        services.AddDomainEventHandler<ContentUnpublished, ContentWorkflowEvents>();
        services.AddDomainEventHandler<ContentRemoved, ContentWorkflowEvents>();
        services.AddDomainEventHandler<FormSubmitted, ContentWorkflowEvents>();
        services.AddDomainEventHandler<Contracts.ContentSignalled, ContentWorkflowEvents>();

        services.AddScoped<ReviewedTypes>();
        services.AddScoped<IContentHandler, ReviewPublishGuard>();

        services.AddScoped<TaskInbox>();
        services.AddScoped<IAdminTaskCount>(sp => sp.GetRequiredService<TaskInbox>());
        services.AddScoped<Contracts.IContentReviews, ContentReviews>();
        services.AddScoped<LiaisonSite.Core.Display.IContentEditorPanel, ContentWorkflowPanel>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => WorkflowModel.Configure(modelBuilder);
}
