using Liaison.Contents.Security;
using Liaison.Outreach.Data;
using Liaison.Outreach.Opinions;
using Liaison.Outreach.Parts;
using Liaison.Outreach.Reception;
using Liaison.Outreach.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.Display;
using LiaisonSite.Core.Modules;
using LiaisonSite.Core.Navigation;
using LiaisonSite.Core.Security;
using LiaisonSite.Core.Upgrades;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Outreach;

/// <summary>
/// Forums (座谈会, R4), reception days (群众接待日, R6) with their public schedule at /reception, briefings (通报情况,
/// R6) and the opinion box (意见箱, R8) at /opinions/new.
/// </summary>
public sealed class OutreachModule : LiaisonModule
{
    public override IEnumerable<Type> Dependencies => [typeof(Liaison.Talks.TalksModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPermissionProvider, Permissions>();
        services.AddUpgradeStep<Upgrades.CreateOutreachTypes>();
        services.AddUpgradeStep<Upgrades.ForumPhotos>();
        services.AddUpgradeStep<Upgrades.BriefingAudience>();
        services.AddScoped<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IIndexProvider, OutreachIndexProvider>();
        services.AddScoped<IIndexProvider, ForumAttendanceIndexProvider>();
        services.AddScoped<Contracts.IForumRecords, ForumRecords>();
        services.AddScoped<IContentHandler, OutreachPartHandler>();
        services.AddScoped<IContentPartDriver, ForumPartDriver>();
        services.AddScoped<IContentPartDriver, ReceptionDayPartDriver>();
        services.AddScoped<IContentPartDriver, BriefingPartDriver>();
        services.AddScoped<IIndexProvider, BriefingIndexProvider>();
        services.AddScoped<ISignedInOnlyContent, StaffOnlyBriefings>();
        services.AddScoped<OutreachChoices>();
        services.AddScoped<OutreachAccessScope>();
        services.AddScoped<IContentAccessScope>(sp => sp.GetRequiredService<OutreachAccessScope>());
        services.AddScoped<IContentExportFilter, OutreachExportFilter>();
        services.AddScoped<OpinionService>();
        services.AddScoped<LiaisonSite.Core.Recipes.IRecipeStepHandler, OpinionsStep>();
        services.AddSingleton<ISitemapPages, OutreachSitemapPages>();
        services.AddScoped<Liaison.Talks.Contracts.IFollowUpSource, FollowUps.ForumFollowUpSource>();
        services.AddScoped<Liaison.Talks.Contracts.IFollowUpSource, FollowUps.ReceptionFollowUpSource>();
        services.AddScoped<Liaison.Talks.Contracts.IFollowUpSource, FollowUps.OpinionFollowUpSource>();
        services.AddClientRateLimit<OpinionController>(OpinionController.RateLimit, new ClientRateLimit(
            "Liaison:Outreach:OpinionsPerWindow", 5, "Liaison:Outreach:OpinionWindowMinutes", 10,
            S => S["You have sent too many opinions in a short time. Please try again in a few minutes."],
            S => S["Opinion box"], 20));
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        OutreachIndex.Configure(modelBuilder);
        BriefingIndex.Configure(modelBuilder);
        ForumAttendanceIndex.Configure(modelBuilder);
        Opinion.Configure(modelBuilder);
    }
}
