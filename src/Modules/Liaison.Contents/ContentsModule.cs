using Liaison.Contents.Api;
using Liaison.Contents.Data;
using Liaison.Contents.Scheduling;
using Liaison.Contents.Security;
using Liaison.Contents.Services;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Jobs;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Recipes;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Contents;

/// <summary>Content administration (list, editor, history, preview), the content JSON API and its OpenAPI document.</summary>
public sealed class ContentsModule : LiaisonModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddScoped<IDynamicPermissionProvider, SecurableTypePermissions>();
        services.AddDefaultGrantsUpgrade<Permissions>();
        services.AddUpgradeStep<Upgrades.GrantPublicView>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IAuthorizationHandler, ContentAuthorizationHandler>();
        services.AddScoped<ContentQueries>();
        services.AddScoped<IContentVisibility>(sp => sp.GetRequiredService<ContentQueries>());
        services.AddScoped<ContentViewAudit>();
        services.AddScoped<ContentApiWriter>();
        services.AddScoped<IRecipeStepHandler, Recipes.ContentStep>();
        services.AddScoped<ScheduledPublishing>();
        services.AddScoped<IContentEditorPanel, ContentSchedulePanel>();
        services.AddBackgroundJob<ScheduledPublishingJob>();

        // Describe only the JSON API, not the admin pages.
        services.AddOpenApi(o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => ContentSchedule.Configure(modelBuilder);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapContentApi();
        endpoints.MapOpenApi().AllowAnonymous();
    }
}
